"""With Redis down the site degrades, it does not fail: pages, the API and exports answer, a
subscription is stored and confirmed by the next tick, rate limits keep counting (in the database),
and /healthz says Redis is failing. A real Redis is stopped mid-run and started again."""

import shutil
import subprocess
import time

import pytest
import redis
from django.db import connection
from django.test import Client

from config.celery import app
from core import public_cache
from outreach.models import Delivery, Subscriber
from outreach.reminders import run_reminders

from .conftest import require_service
from .factories import make_campaign, make_person
from .smtp import free_port

pytestmark = [pytest.mark.services, pytest.mark.django_db]
PAGES = ["/", "/prisoners/", "/prisoners/p/", "/ru/prisoners/p/", "/api/people/", "/prisoners/export.csv", "/feed/"]


class RedisServer:
    """A redis-server of our own on loopback, which a test may stop and start again on the same port."""

    def __init__(self, workdir):
        self.port, self.workdir, self.process = free_port(), workdir, None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                redis.Redis(port=self.port, socket_connect_timeout=0.2).ping()
                return
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"


@pytest.fixture
def own_redis(tmp_path, settings):
    require_service(shutil.which("redis-server"), "no redis-server to start and stop")
    server = RedisServer(tmp_path)
    server.start()
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": server.url,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    # As config/settings.py has it with REDIS_URL set.
    settings.CACHES = {
        "redis": redis_cache,
        "none": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "database": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "core_cache_entry"},
        "default": {"BACKEND": "core.cache.FallbackCache", "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "none"}},
        "limits": {"BACKEND": "core.cache.FallbackCache", "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "database"}},
    }
    settings.REDIS_URL = server.url
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    saved = app.conf.broker_url, app.conf.broker_transport, app.conf.task_always_eager
    app.conf.broker_url, app.conf.broker_transport, app.conf.task_always_eager = server.url, None, False
    app._pool, app.amqp._producer_pool = None, None
    yield server
    if server.process.poll() is None:
        server.stop()
    app.conf.broker_url, app.conf.broker_transport, app.conf.task_always_eager = saved
    app._pool, app.amqp._producer_pool = None, None


def _timed(client, address, **kwargs):
    started = time.monotonic()
    response = client.get(address, **kwargs)
    return response, time.monotonic() - started


def test_with_redis_stopped_the_site_answers_stores_subscriptions_and_says_so(
    own_redis, settings, smtp_server, django_capture_on_commit_callbacks
):
    make_person(slug="p", name="Aigul Sample", campaign=make_campaign(slug="justice"))
    visitor = Client()
    for address in PAGES:
        assert visitor.get(address).status_code == 200  # and kept in Redis
    assert redis.Redis.from_url(own_redis.url).dbsize() > 0

    own_redis.stop()
    started = time.monotonic()
    for address in PAGES:
        response, seconds = _timed(visitor, address)
        assert response.status_code == 200 and seconds < 5, (address, response.status_code, seconds)
    assert time.monotonic() - started < 5  # all of them together: one dead Redis is not waited on twice
    assert Client().get("/healthz").json()["checks"]["redis"].startswith("failing")

    settings.SUBSCRIBE_RATE_PER_IP = "2/h"
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            Client().post(
                "/subscribe/", {"email": f"reader{n}@example.org", "language": "ru", "campaigns": ["justice"]}
            )
            for n in range(3)
        ]
    assert [a.status_code for a in answers[:2]] == [302, 302]
    assert answers[2].status_code == 429  # the limit still counts, in the database
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM core_cache_entry")
        assert cursor.fetchone()[0] > 0
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"reader0@example.org", "reader1@example.org"}
    assert Delivery.objects.filter(kind=Delivery.Kind.CONFIRM).count() == 2
    run_reminders()  # the tick sends what the worker could not be asked to
    assert sorted(smtp_server.recipients()) == ["reader0@example.org", "reader1@example.org"]

    own_redis.start()
    time.sleep(5.1)  # FallbackCache tries Redis again after FALLBACK_SECONDS
    public_cache._local.clear()  # as another worker, which has not served the page itself
    assert visitor.get("/prisoners/p/").status_code == 200
    assert Client().get("/healthz").json()["checks"]["redis"] == "ok"
    assert redis.Redis.from_url(own_redis.url).dbsize() > 0  # pages are kept in Redis again
