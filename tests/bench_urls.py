from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site


def bare(request):
    """The baseline: a Django view that does nothing, behind the same middleware and gunicorn."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_bench/bare/", bare), *site]
