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

import functools
import gzip
import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.http import quote_etag

CACHED_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml", "text/plain")
# How long a process trusts the version it read: one query a second at most, and a change is seen
# by every process within this long.
VERSION_MEMO_SECONDS = 1.0
_memo = {"version": None, "until": 0.0}
# How long the previous version of a page may be served while one request renders the new one; also
# how long before another request tries, should the renderer have died.
RENDER_SECONDS = 10
GZIP_ACCEPTED = re.compile(r"\bgzip\b")
# Each process also keeps the pages it served last, as of the version it read: a hit then costs no
# round trip to Redis. A page never changes within a version, so this is no staler than the version
# itself (trusted VERSION_MEMO_SECONDS). Bounded: pages are 2-20 KB, kept plain and gzipped.
LOCAL_PAGES = 256
_local = OrderedDict()
_local_lock = threading.Lock()
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


@functools.cache
def _labels(field):
    return dict(make_hashable(field.flatchoices))  # as Django's own: a choice's value may be a list


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

    def _get_FIELD_display(self, field):  # noqa: N802 (Django's name: each get_<field>_display calls it)
        # Django's own builds a dict of every choice, hashing (so translating) each label, on every
        # call: a list or a feed asks for a status and a grade on each of its rows. The choices here
        # are fixed lists (TextChoices), so they are read once; each label is still translated when shown.
        if not isinstance(field.choices, list | tuple):
            return super()._get_FIELD_display(field)  # choices computed when asked
        value = getattr(self, field.attname)
        return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)


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
        if not self._public_request(request):
            return self.get_response(request)
        if settings.PUBLIC_PAGE_CACHE_SECONDS <= 0:
            return _encoded(self._fresh(request), request)
        key, version = self._key(request), public_version()
        stored = _kept_here(key, version)
        if stored is not None:
            return stored.response(request)
        stored = cache.get(key)  # the one round trip of a hit: the page and the version it shows
        if stored is not None and stored.version == version:
            _keep_here(key, stored)
            return stored.response(request)
        renderer = stored is not None and self._renderer(key)
        if stored is not None and not renderer:
            return stored.response(request)  # stale for RENDER_SECONDS at most, while another renders it
        try:
            response = self._fresh(request)
            if self._cacheable(request, response):
                stored = StoredPage.of(response, version)
                cache.set(key, stored, settings.PUBLIC_PAGE_CACHE_SECONDS)
                _keep_here(key, stored)
                return stored.response(request)
            if stored is not None:
                cache.delete(key)  # no longer a page (taken down, moved): never serve its old copy
            return response
        finally:
            if renderer:
                cache.delete(f"{key}:rendering")

    @staticmethod
    def _renderer(key):
        """Whether this request renders the page: the first to ask since the record changed does,
        and the others are served the previous version meanwhile, so that a publish during a peak
        does not have every worker render every page at once."""
        return cache.add(f"{key}:rendering", 1, RENDER_SECONDS)

    def _fresh(self, request):
        response = self.get_response(request)
        if self._cacheable(request, response):
            response["ETag"] = quote_etag(hashlib.blake2b(response.content, digest_size=16).hexdigest())
            # Browsers and shared caches check back (a short max-age): a withdrawal must not linger.
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        return response

    def _public_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.admin_prefix)
        )

    @staticmethod
    def _cacheable(request, response):
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
        # No version in the key: the page's previous version stays under it until replaced, to be
        # served while the new one renders (and old versions take no room).
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
        return f"page:{language}:{request.get_host()}:{path}"


def _kept_here(key, version):
    with _local_lock:
        stored = _local.get(key)
        if stored is None or stored.version != version:
            return None
        _local.move_to_end(key)
        return stored


def _keep_here(key, stored):
    with _local_lock:
        _local[key] = stored
        _local.move_to_end(key)
        while len(_local) > LOCAL_PAGES:
            _local.popitem(last=False)


@dataclass(frozen=True)
class StoredPage:
    """A rendered public page as kept in the cache: its version, headers, and body plain and
    gzipped (compressed once, when stored, not on every hit)."""

    version: int
    headers: list
    content: bytes
    gzipped: bytes

    @classmethod
    def of(cls, response, version):
        return cls(version, list(response.items()), response.content, _gzip(response.content))

    def response(self, request):
        wants_gzip = _accepts_gzip(request) and len(self.gzipped) < len(self.content)
        response = HttpResponse(self.gzipped if wants_gzip else self.content)
        for name, value in self.headers:
            response[name] = value
        if wants_gzip:
            _mark_gzipped(response)
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


def _encoded(response, request):
    """A public page compressed for a client that asks, when the cache is off. Only pages that could
    be shared are compressed: they hold no secret (no form token, no session), so compression cannot
    leak one (BREACH)."""
    if PublicPageCacheMiddleware._cacheable(request, response):
        patch_vary_headers(response, ["Accept-Encoding"])
        if _accepts_gzip(request):
            gzipped = _gzip(response.content)
            if len(gzipped) < len(response.content):
                response.content = gzipped
                _mark_gzipped(response)
    return response


def _gzip(content):
    # Level 6 (zlib's default): near the smallest output at a fraction of level 9's time. mtime=0
    # makes the bytes the same for the same page.
    return gzip.compress(content, compresslevel=6, mtime=0)


def _accepts_gzip(request):
    return GZIP_ACCEPTED.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None


def _mark_gzipped(response):
    response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    etag = response.get("ETag")
    if etag and not etag.startswith("W/"):
        # Another representation of the same page: a weak validator, as Django's GZipMiddleware does.
        response["ETag"] = "W/" + etag
