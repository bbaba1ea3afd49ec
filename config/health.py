import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from outreach.reminders import tick_problem

# When this process started serving: a fresh deployment is healthy while its first tick is on the way.
STARTED = timezone.now()


@never_cache
def healthz(request):
    """For a monitor: 200 when everything answers and reminders go out, 503 with the failing check."""
    checks = {"database": "ok", "redis": "ok" if settings.REDIS_URL else "not configured", "reminders": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any failure of the database means "not healthy"
        checks["database"] = f"failing: {type(exc).__name__}"
    if settings.REDIS_URL:
        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            checks["redis"] = f"failing: {type(exc).__name__}"
    if checks["database"] == "ok":
        checks["reminders"] = tick_problem(running_since=STARTED) or "ok"
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "unhealthy", "checks": checks}, status=200 if healthy else 503)
