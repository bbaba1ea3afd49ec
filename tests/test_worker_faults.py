"""A real Celery worker killed with SIGKILL mid-batch, and a Redis server restarted under a live worker.

Real processes throughout: PostgreSQL shared with the worker, redis-server, aiosmtpd on loopback.
"""

import datetime
import os
import shutil
import signal
import subprocess
import time

import pytest
from celery import Celery
from django.db import connection
from django.db.models.functions import Now
from django.utils import timezone

from campaigns.models import KeyDate
from core.dates import local_today
from outreach.models import Delivery, Subscriber
from outreach.reminders import run_reminders
from outreach.sending import CHUNK_PER_CONNECTION

from .conftest import require_service
from .factories import make_campaign, make_key_date
from .smtp import SMTPServer, free_port
from .test_celery_integration import database_url, start

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
TICK = "outreach.tasks.reminder_tick"


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of this test's own, which it may stop and start again on the same port."""
    binary = shutil.which("redis-server")
    require_service(binary is not None, "no redis-server on this machine")
    port = free_port()
    command = [
        binary,
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(tmp_path),
    ]

    class Server:
        url = f"redis://127.0.0.1:{port}/0"

        def start(self):
            self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            time.sleep(0.5)

        def stop(self):
            self.process.terminate()
            self.process.wait(10)

    server = Server()
    server.start()
    yield server
    server.stop()


def followers(count, days_ahead=3):
    campaign = make_campaign()
    make_key_date(
        campaign=campaign,
        title=f"Action day {days_ahead}",
        recurrence=KeyDate.Recurrence.ONCE,
        date=local_today() + datetime.timedelta(days=days_ahead),
    )
    for n in range(count):
        Subscriber.objects.create(
            email=f"reader{days_ahead}-{n}@example.org", confirmed_at=timezone.now(), lead_days=[7]
        ).campaigns.add(campaign)


def worker_env(tmp_path, broker, smtp_port):
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "VAR_DIR": str(tmp_path),
        "EMAIL_TIMEOUT": "5",
    }


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def test_a_worker_killed_mid_batch_never_resends_and_the_rest_go_out(settings, tmp_path, redis_server):
    require_service(connection.vendor == "postgresql", "the worker must share the test database: needs PostgreSQL")
    followers(10)
    with SMTPServer() as smtp, open(tmp_path / "worker.log", "w+") as log:
        smtp.handler.delay_after_data = 1  # each message is stored, then answered a second later
        # One connection: chunks of CHUNK_PER_CONNECTION, one sending and one queued behind it.
        env = {**worker_env(tmp_path, redis_server.url, smtp.port), "REMINDER_SMTP_CONNECTIONS": "1"}
        worker = start(["worker", "--pool=solo", "--loglevel=INFO", "--without-gossip", "--without-mingle"], env, log)
        try:
            Celery(broker=redis_server.url).send_task(TICK)
            assert wait_for(lambda: len(smtp.handler.messages) >= 3, 60), log.read()
            # Killed while the server holds a stored message and has not answered: that row is in flight.
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(10)
        finally:
            worker.kill()
        time.sleep(1.5)  # the server finishes storing what it was handed
        assert Delivery.objects.filter(status=Delivery.Status.SENDING).exists()

        # The database's clock moves past the stale window; the next tick (cron or worker) runs.
        Delivery.objects.filter(status=Delivery.Status.SENDING).update(
            claimed_at=Now() - datetime.timedelta(minutes=16)
        )
        smtp.handler.delay_after_data = 0
        settings.EMAIL_BACKEND = "outreach.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
        run_reminders()

    received = smtp.handler.recipients()
    assert len(received) == len(set(received)), "a reminder went out twice"
    # The rows handed to the server when the worker died (at most two chunks) are uncertain, never
    # resent; every other row was sent, once.
    uncertain = Delivery.objects.filter(status=Delivery.Status.UNCERTAIN)
    assert 1 <= uncertain.count() <= 2 * CHUNK_PER_CONNECTION
    assert all("stopped while sending" in d.last_error for d in uncertain)
    sent = Delivery.objects.filter(status=Delivery.Status.SENT).select_related("subscriber")
    assert sent.count() + uncertain.count() == 10
    assert {d.subscriber.email for d in sent} <= set(received)


def test_the_worker_recovers_when_redis_restarts(settings, tmp_path, redis_server):
    require_service(connection.vendor == "postgresql", "the worker must share the test database: needs PostgreSQL")
    followers(2, days_ahead=3)
    with SMTPServer() as smtp, open(tmp_path / "worker.log", "w+") as log:
        worker = start(
            ["worker", "--pool=solo", "--loglevel=INFO", "--without-gossip", "--without-mingle"],
            worker_env(tmp_path, redis_server.url, smtp.port),
            log,
        )
        try:
            Celery(broker=redis_server.url).send_task(TICK)
            assert wait_for(lambda: len(smtp.handler.messages) == 2, 60), log.read()

            redis_server.stop()
            time.sleep(2)
            redis_server.start()
            followers(2, days_ahead=4)
            producer = Celery(broker=redis_server.url)
            # The worker reconnects on its own; a tick sent after the restart is done.
            deadline = time.monotonic() + 60
            while len(smtp.handler.messages) < 4 and time.monotonic() < deadline:
                producer.send_task(TICK)
                wait_for(lambda: len(smtp.handler.messages) == 4, 3)
            log.seek(0)
            assert len(smtp.handler.messages) == 4, log.read()[-3000:]
        finally:
            worker.terminate()
            worker.wait(30)
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 4
