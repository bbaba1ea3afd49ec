"""/healthz: the database, Redis and the reminder tick, for a monitor."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from outreach.models import TickRecord
from outreach.reminders import run_reminders

pytestmark = pytest.mark.django_db
T = datetime.datetime(2026, 12, 9, 4, tzinfo=datetime.UTC)


def health(client):
    response = client.get("/healthz")
    return response.status_code, response.json()


def test_healthy_after_a_recent_tick(visitor, settings):
    settings.REDIS_URL = ""
    run_reminders()
    status, body = health(visitor)
    assert status == 200 and body == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "not configured", "reminders": "ok"},
    }


def test_healthy_on_a_fresh_start_while_the_first_tick_is_on_the_way(visitor, settings):
    settings.REDIS_URL = ""
    status, body = health(visitor)  # this process has just started; no tick has run
    assert status == 200 and body["checks"]["reminders"] == "ok"


def test_unhealthy_when_no_tick_has_run_three_intervals_after_the_start(visitor, monkeypatch):
    monkeypatch.setattr("config.health.STARTED", timezone.now() - datetime.timedelta(minutes=16))
    status, body = health(visitor)
    assert status == 503 and "no reminder tick" in body["checks"]["reminders"]


def test_unhealthy_once_the_last_good_tick_is_three_intervals_old(visitor, settings):
    settings.REMINDER_TICK_SECONDS = 300
    with time_machine.travel(T, tick=False):
        run_reminders()
    with time_machine.travel(T + datetime.timedelta(minutes=14), tick=False):
        assert health(visitor)[0] == 200
    with time_machine.travel(T + datetime.timedelta(minutes=16), tick=False):
        status, body = health(visitor)
    assert status == 503 and body["checks"]["reminders"] == "the last successful reminder tick was 16 minutes ago"


def test_a_tick_that_crashed_is_not_a_success(visitor, monkeypatch):
    def broken(now, report):
        raise RuntimeError("database went away")

    monkeypatch.setattr("outreach.reminders.send_pending", broken)
    with pytest.raises(RuntimeError):
        run_reminders()
    tick = TickRecord.objects.get(name="reminders")
    assert tick.finished_at and tick.succeeded_at is None
    assert health(visitor)[0] == 503


def test_unhealthy_when_redis_is_down(visitor, settings):
    run_reminders()
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    status, body = health(visitor)
    assert status == 503 and body["checks"]["redis"].startswith("failing")


def test_healthy_with_a_real_redis(visitor, settings, redis_url):
    run_reminders()
    settings.REDIS_URL = redis_url
    assert health(visitor) == (200, {"status": "ok", "checks": {"database": "ok", "redis": "ok", "reminders": "ok"}})


def test_the_admin_shows_the_last_tick_and_its_report(campaigner_client):
    run_reminders()
    TickRecord.objects.filter(name="reminders").update(report={"sent": 3, "errors": ["Subscriber 7: bad"]})
    page = campaigner_client.get("/admin/outreach/tickrecord/").content.decode()
    assert "reminders" in page and "sent 3; 1 error(s)" in page
