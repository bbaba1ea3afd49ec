"""A real Celery worker and beat, with Redis as the broker and a real SMTP server on loopback.

Beat ticks every second, the worker runs two processes, so ticks overlap: the test asserts each
reminder reaches the SMTP server exactly once all the same.
"""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.utils import timezone

from campaigns.models import KeyDate
from core.dates import local_today
from outreach.models import Delivery, Subscriber

from .conftest import redis_available, require_service
from .factories import make_campaign, make_key_date
from .smtp import SMTPServer

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parent.parent
SUBSCRIBERS = 3


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start(args, env, log):
    celery = [sys.executable, "-m", "celery", "-A", "config"]
    return subprocess.Popen([*celery, *args], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def test_worker_and_beat_deliver_each_reminder_once(settings, tmp_path):
    require_service(connection.vendor == "postgresql", "the worker must share the test database: needs PostgreSQL")
    require_service(redis_available(), "no Redis server: set REDIS_URL")
    broker = settings.REDIS_URL.rsplit("/", 1)[0] + "/1"
    redis.Redis.from_url(broker).flushdb()

    campaign = make_campaign()
    make_key_date(
        campaign=campaign,
        title="Action day",
        date=local_today() + datetime.timedelta(days=3),
        recurrence=KeyDate.Recurrence.ONCE,
    )
    for n in range(SUBSCRIBERS):
        Subscriber.objects.create(
            email=f"reader{n}@example.org", confirmed_at=timezone.now(), lead_days=[7]
        ).campaigns.add(campaign)

    with SMTPServer() as smtp, open(tmp_path / "celery.log", "w+") as log:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "REDIS_URL": broker,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "REMINDER_TICK_SECONDS": "1",
            "VAR_DIR": str(tmp_path),
        }
        processes = [
            start(["worker", "--concurrency=2", "--loglevel=INFO", "--without-gossip", "--without-mingle"], env, log),
            start(["beat", "--loglevel=INFO", "--schedule", str(tmp_path / "beat")], env, log),
        ]
        try:
            deadline = time.monotonic() + 90
            while len(smtp.handler.recipients()) < SUBSCRIBERS and time.monotonic() < deadline:
                time.sleep(0.5)
            time.sleep(5)  # several more ticks, some of them overlapping
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(30)
            log.seek(0)
            output = log.read()

    received = smtp.handler.recipients()
    assert received == [f"reader{n}@example.org" for n in range(SUBSCRIBERS)], output[-3000:]
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == SUBSCRIBERS
    subjects = {message["Subject"] for _to, message in smtp.handler.messages}
    assert subjects == {"In 3 days: Action day"}
