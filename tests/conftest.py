import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation

from core import figures, gone, public_cache

EDITOR_GROUP = "Campaign editor"
PASSWORD = "a-long-test-password-1"


def require_service(available, why):
    """Skip locally when a server is missing; in CI (REQUIRE_SERVICES=1) fail instead."""
    if available:
        return
    if settings.REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES is set but {why}")
    pytest.skip(why)


def redis_available():
    if not settings.REDIS_URL:
        return False
    url = urlparse(settings.REDIS_URL)
    try:
        socket.create_connection((url.hostname or "127.0.0.1", url.port or 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def redis_url():
    require_service(redis_available(), "no Redis server: set REDIS_URL to a running one")
    return settings.REDIS_URL


@pytest.fixture
def chromium_path():
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    require_service(shutil.which(path) is not None, f"no chromium at {path}")
    return path


@pytest.fixture(autouse=True)
def _english_between_tests():
    # LocaleMiddleware leaves the last request's language active in the thread: a test that opened a
    # /kk/ page would otherwise leave the next test reading Kazakh.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _testserver_allowed(settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]


# Personas: a campaigner (the administrator of the instance), an editor (the "Campaign editor"
# group, staff but no superuser), and an anonymous visitor.
@pytest.fixture
def campaigner(django_user_model):
    return django_user_model.objects.create_superuser("campaigner", "campaigner@example.org", PASSWORD)


@pytest.fixture(scope="session")
def _editor_rights(django_db_setup, django_db_blocker):
    """The editor group's rights as the migrations made them, read once."""
    with django_db_blocker.unblock():
        group = Group.objects.get(name=EDITOR_GROUP)
        return list(group.permissions.values_list("content_type__app_label", "codename"))


@pytest.fixture
def editor(django_user_model, _editor_rights):
    user = django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)
    group, made = Group.objects.get_or_create(name=EDITOR_GROUP)
    if made:
        # A test with a live server before this one emptied every table, the migrations' rows included
        # (permissions come back after such a flush, groups do not): the group is made again as they made it.
        by_app = {}
        for app_label, codename in _editor_rights:
            by_app.setdefault(app_label, []).append(codename)
        for app_label, codenames in by_app.items():
            group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def campaigner_client(client, campaigner):
    client.force_login(campaigner)
    return client


@pytest.fixture
def visitor(client):
    return client


@pytest.fixture
def smtp_server(settings):
    """Mail goes out by SMTP to a real server on loopback; the test reads what it received."""
    from .smtp import SMTPServer

    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "outreach.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_TIMEOUT = 5
        yield server.handler


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Most tests change records inside a transaction that never commits, so the version bump
    # (on commit) never comes: they would read pages cached before the change. tests/test_page_cache.py
    # turns the cache on and commits.
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.KEEP_FIGURES = False


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    from django.core.cache import cache, caches

    # Rate-limit counts in memory, not the database cache: tests that count a page's queries count the
    # page's own (tests/test_redis_down.py runs the counts against the database, as production falls back).
    settings.CACHES = {**settings.CACHES, "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    caches["limits"].clear()
    # What processes remember of the database, which each test rolls back.
    figures._kept.clear()
    gone._noted.clear()
    public_cache._local.clear()
    yield
    cache.clear()


@pytest.fixture
def eager_celery():
    """Run tasks in the test process (the outer edge); the Celery integration test runs a real worker."""
    from config.celery import app

    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = False


# Subscribing ---------------------------------------------------------------------------------------


@pytest.fixture
def campaign():
    from .factories import make_campaign

    return make_campaign(slug="justice-for-zhanaozen")


@pytest.fixture
def subscribe(client, eager_celery, django_capture_on_commit_callbacks):
    """The public form, posted as a browser would; the email task runs at once (eager)."""

    def post(email="reader@example.org", **fields):
        data = {"email": email, "language": "en", "campaigns": ["justice-for-zhanaozen"], **fields}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/subscribe/", data)

    return post
