"""Anonymous public pages, cached whole and answered 304 when unchanged.

Every page a visitor without a session gets is the same for every such visitor at that address and
in that language, so it is rendered once and kept under a key that carries a *version* of the public
record. Whatever changes public data bumps the version (`public_changed`, called by the models'
own save and delete, see `PublicData`), after the transaction commits; the next request misses the
cache and renders afresh. Nothing is ever deleted from the cache: old versions age out.

What is never cached: a request with a session (staff, a subscriber's manage page), anything but
GET or HEAD, an answer other than 200, an answer that sets a cookie or used the CSRF token (a
per-visitor token must never be shared), and the admin. A page that shows a form with a token
(reports, subscribing) is therefore rendered for each visitor, as it must be.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag

VERSION_KEY = "public-version"
CACHED_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml", "text/plain")


def public_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def public_changed():
    """The public record changed: pages rendered before are stale. Bumped after the commit, so a
    page rendered in between (from the old data) is not stored under the new version."""
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (a fresh cache): any value differs from what pages were stored under
        cache.add(VERSION_KEY, 1, timeout=None)


class PublicData(models.Model):
    """A model whose rows public pages show: every save and delete makes cached pages stale."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        public_changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        public_changed()
        return result


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        stored = cache.get(key)
        if stored is not None:
            return _rebuild(stored)
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            response["ETag"] = quote_etag(hashlib.blake2b(response.content, digest_size=16).hexdigest())
            # Browsers and shared caches check back (a short max-age): a withdrawal must not linger.
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            cache.set(key, _stored(response), settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    def _cacheable_request(self, request):
        return (
            settings.PUBLIC_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.admin_prefix)
        )

    @staticmethod
    def _cacheable_response(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and response.get("Content-Type", "").split(";")[0] in CACHED_TYPES
            and "private" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key(request):
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
        return f"page:{public_version()}:{language}:{request.get_host()}:{path}"


def _stored(response):
    return (response.status_code, list(response.items()), response.content)


def _rebuild(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response
