"""Per-address rate limits of the exports and the API, counted by the visitor's address
(core/client_ip.py, through RATELIMIT_IP_META_KEY)."""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse

from core.client_ip import over_limit


def too_many(request, group, rate):
    if over_limit(request, group, rate):
        return JsonResponse({"detail": "Too many requests. Please wait and try again."}, status=429)
    return None


def api_limited(view):
    @wraps(view)
    def limited(request, *args, **kwargs):
        return too_many(request, "api", settings.API_RATE_PER_IP) or view(request, *args, **kwargs)

    return limited


def export_limited(view):
    @wraps(view)
    def limited(request, *args, **kwargs):
        return too_many(request, "export", settings.EXPORT_RATE_PER_IP) or view(request, *args, **kwargs)

    return limited
