"""`make bench`'s baseline: the smallest Django app, one view behind SecurityMiddleware and
CommonMiddleware, served by the same gunicorn as the site (DJANGO_SETTINGS_MODULE=tests.bench_minimal,
also its URLconf). Every figure of the web bench is a ratio to this app's in the same run."""

import os

from django.http import HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = []
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "tests.bench_minimal"
DATABASES = {}
USE_TZ = True


def page(request):
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>", content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
