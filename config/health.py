import redis
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """200 when the database (and Redis, where configured) answer, 503 otherwise, for a monitor."""
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any failure of the database means "not healthy"
        problems.append(f"database: {type(exc).__name__}")
    if settings.REDIS_URL:
        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            problems.append(f"redis: {type(exc).__name__}")
    if problems:
        return HttpResponse("unhealthy: " + "; ".join(problems), status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
