"""A cache that keeps the site up when Redis is down.

`FallbackCache` sends every operation to its primary cache (Redis) and, when that cannot be reached,
to its fallback for a while (FALLBACK_SECONDS) before trying the primary again: a request never
waits on a dead Redis more than once per process in that time, and never fails because of it.

- The page cache ("default") falls back to no cache at all: pages are rendered afresh, never stale
  (the record's version is in the database, see core.public_cache).
- The rate limits ("limits") fall back to the database cache, shared by every process: a visitor's
  allowance keeps counting across workers, and a dead Redis lets no one flood the forms and locks no
  one out (docs/privacy.md says what is kept).
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)
FALLBACK_SECONDS = 5.0
# What "cannot be reached" looks like: redis-py raises ConnectionError and TimeoutError (both
# RedisError), the socket layer OSError.
UNREACHABLE = (RedisError, OSError)


class FallbackCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self._primary, self._fallback = options["PRIMARY"], options["FALLBACK"]
        self._down_until = 0.0

    def _call(self, method, *args, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                return getattr(caches[self._primary], method)(*args, **kwargs)
            except UNREACHABLE as error:
                if self._down_until == 0.0:  # said once per outage, not once per request
                    log.warning("Cache %s unreachable (%s); using %s", self._primary, error, self._fallback)
                self._down_until = time.monotonic() + FALLBACK_SECONDS
        return getattr(caches[self._fallback], method)(*args, **kwargs)

    @property
    def available(self):
        """Whether the primary answered last time it was asked."""
        return time.monotonic() >= self._down_until

    def add(self, key, value, timeout=None, version=None):
        return self._call("add", key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version=version)

    def set(self, key, value, timeout=None, version=None):
        return self._call("set", key, value, timeout, version=version)

    def touch(self, key, timeout=None, version=None):
        return self._call("touch", key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def set_many(self, data, timeout=None, version=None):
        return self._call("set_many", data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version=version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", key, delta, version=version)

    def clear(self):
        return self._call("clear")

    def close(self, **kwargs):
        for alias in (self._primary, self._fallback):
            caches[alias].close(**kwargs)
