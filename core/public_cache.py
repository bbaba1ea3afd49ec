"""Anonymous public pages, cached whole and answered 304 when unchanged.

Every page a visitor without a session gets is the same for every such visitor at that address and
in that language, so it is rendered once and kept under a key that carries a *version* of the public
record. Whatever changes public data bumps the version (`public_changed`, called by the models'
own save, delete and update, and by their many-to-many links, see `PublicData`), after the
transaction commits; the next request misses the cache and renders afresh. Nothing is ever deleted
from the cache: old versions age out.

The version lives in the database, not in the cache, so that every process sees a change within
VERSION_MEMO_SECONDS whatever cache it has (each gunicorn worker's own memory, or Redis), and a
change made while Redis was down is not forgotten when it comes back.

What is never cached: a request with a session (staff, a subscriber's manage page), anything but
GET or HEAD, an answer other than 200, an answer that sets a cookie or used the CSRF token (a
per-visitor token must never be shared), and the admin. A page that shows a form with a token
(reports, subscribing) is therefore rendered for each visitor, as it must be.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag

CACHED_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml", "text/plain")
# How long a process trusts the version it read: one query a second at most, and a change is seen
# by every process within this long.
VERSION_MEMO_SECONDS = 1.0
_memo = {"version": None, "until": 0.0}
log = logging.getLogger(__name__)


class PublicVersion(models.Model):
    """One row: the version of the public record that cached pages are stored under."""

    version = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = "public version"


class CacheEntry(models.Model):
    """The table of Django's database cache: the rate limits' counts when Redis is not configured or
    cannot be reached, shared by every process (its columns are the ones DatabaseCache expects)."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "core_cache_entry"
        verbose_name = "cache entry"


def public_version():
    now = time.monotonic()
    if _memo["version"] is None or now >= _memo["until"]:
        _memo["version"] = PublicVersion.objects.values_list("version", flat=True).filter(pk=1).first() or 0
        _memo["until"] = now + VERSION_MEMO_SECONDS
    return _memo["version"]


def public_changed():
    """The public record changed: pages rendered before are stale. Bumped after the commit, so a
    page rendered in between (from the old data) is not stored under the new version."""
    transaction.on_commit(_bump)


def _bump():
    if not PublicVersion.objects.filter(pk=1).update(version=F("version") + 1):
        PublicVersion.objects.get_or_create(pk=1, defaults={"version": 2})
    _memo["version"] = None  # this process sees its own change at once


class PublicDataQuerySet(models.QuerySet):
    def update(self, **kwargs):
        changed = super().update(**kwargs)
        if changed:
            public_changed()
        return changed


class PublicData(models.Model):
    """A model whose rows public pages show: every save, delete, update and change of its many-to-many
    links makes cached pages stale."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        public_changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        public_changed()
        return result


def _links_changed(sender, instance, action, **kwargs):
    # Cache bookkeeping, not a rule of the record: a link added to or removed from a public record
    # (a person's campaigns, a demand's people, an event's sources) makes its pages stale like a save.
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PublicData):
        public_changed()


m2m_changed.connect(_links_changed, dispatch_uid="public-data-links")


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
