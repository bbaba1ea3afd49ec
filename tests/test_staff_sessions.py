"""Staff sessions end: after ADMIN_IDLE_MINUTES without a request, and SESSION_COOKIE_AGE after signing in."""

import datetime

import pytest
import time_machine

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def limits(settings):
    settings.ADMIN_IDLE_MINUTES = 30
    settings.SESSION_COOKIE_AGE = 8 * 60 * 60


def test_an_idle_staff_session_is_signed_out(clock, editor_client):
    assert editor_client.get(ADMIN).status_code == 200
    clock.shift(datetime.timedelta(minutes=31))
    assert editor_client.get(ADMIN).status_code == 302
    clock.shift(datetime.timedelta(minutes=1))
    assert editor_client.get(ADMIN).status_code == 302  # signed out, not merely turned away once


def test_an_active_staff_session_stays(clock, editor_client):
    for _ in range(12):  # two hours, a page every ten minutes
        assert editor_client.get(ADMIN).status_code == 200
        clock.shift(datetime.timedelta(minutes=10))


def test_a_staff_session_ends_after_its_hours_however_active(clock, editor_client, settings):
    settings.SESSION_COOKIE_AGE = 60 * 60
    for _ in range(6):
        assert editor_client.get(ADMIN).status_code == 200
        clock.shift(datetime.timedelta(minutes=10))
    clock.shift(datetime.timedelta(minutes=1))
    assert editor_client.get(ADMIN).status_code == 302


def test_the_last_seen_time_is_written_at_most_once_a_minute(clock, editor_client):
    assert "sessionid" in editor_client.get(ADMIN).cookies
    clock.shift(30)
    assert "sessionid" not in editor_client.get(ADMIN).cookies  # the session was not saved again
    clock.shift(31)
    assert "sessionid" in editor_client.get(ADMIN).cookies


def test_visitors_get_no_session_cookie(clock, visitor):
    assert "sessionid" not in visitor.get("/").cookies
