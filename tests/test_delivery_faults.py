"""Reminders under real faults: slow, hung, absent and refusing mail servers, bad rows, overlapping ticks.

Every server here is a real one on loopback (tests/smtp.py); nothing is mocked on the SMTP path.
"""

import datetime
import threading
import time
from types import SimpleNamespace

import pytest
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.celery import app
from outreach.checks import sqlite_returning
from outreach.models import Delivery, Subscriber, TickRecord
from outreach.reminders import planner_lock, run_reminders

from .conftest import require_service
from .factories import make_campaign, make_key_date
from .smtp import HungServer, SMTPServer, free_port
from .test_reminders import at, make_subscriber

pytestmark = pytest.mark.django_db
D = datetime.date
SEVEN_DAYS_BEFORE = at("2026-12-09T04:00:00")  # 09:00 in Almaty, 7 days before 16 December


@pytest.fixture
def anniversary():
    return make_key_date(
        campaign=make_campaign(timezone="Asia/Almaty"), title="Zhanaozen anniversary", date=D(2011, 12, 16)
    )


def use_server(settings, port, timeout=5):
    settings.EMAIL_BACKEND = "outreach.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, timeout


def followers(campaign, count, start=0):
    return [make_subscriber(f"reader{n}@example.org", campaigns=[campaign]) for n in range(start, start + count)]


def ticks(count, start=SEVEN_DAYS_BEFORE, every=datetime.timedelta(minutes=5)):
    return [run_reminders(start + n * every) for n in range(count)]


def test_a_server_that_answers_after_the_timeout_gets_one_copy_marked_uncertain(anniversary, settings):
    followers(anniversary.campaign, 1)
    with SMTPServer() as server:
        use_server(settings, server.port, timeout=1)
        server.handler.delay_after_data = 2
        ticks(5)
        time.sleep(1.5)  # let the server finish its last (slow) answer before counting
    assert len(server.handler.messages) == 1
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.UNCERTAIN and "may have arrived" in delivery.last_error


def test_a_copy_resent_by_a_person_carries_the_same_message_id(anniversary, settings):
    followers(anniversary.campaign, 1)
    with SMTPServer() as server:
        use_server(settings, server.port, timeout=1)
        server.handler.delay_after_data = 2
        run_reminders(SEVEN_DAYS_BEFORE)
        server.handler.delay_after_data = 0
        time.sleep(1.5)
        assert Delivery.objects.all().resend_failed(SEVEN_DAYS_BEFORE) == 1  # checked: it did not arrive
        run_reminders(SEVEN_DAYS_BEFORE + datetime.timedelta(minutes=5))
    first, second = (message for _rcpt, message in server.handler.messages)
    assert first["Message-ID"] == second["Message-ID"]
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_a_server_down_for_a_whole_tick_charges_nothing_and_the_next_tick_sends_all(anniversary, settings):
    followers(anniversary.campaign, 5)
    port = free_port()
    use_server(settings, port)
    report = run_reminders(SEVEN_DAYS_BEFORE)
    assert report.released == 5 and report.sent == 0
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Delivery.Status.PENDING, 0)}
    assert "Connection" in Delivery.objects.first().last_error

    with SMTPServer(port) as server:
        report = run_reminders(SEVEN_DAYS_BEFORE + datetime.timedelta(minutes=5))
    assert report.sent == 5 and len(server.handler.recipients()) == 5
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}


def test_a_hung_server_cannot_hold_a_tick_past_its_budget(anniversary, settings):
    followers(anniversary.campaign, 20)
    settings.REMINDER_SEND_SECONDS = 60
    with HungServer() as hung:
        use_server(settings, hung.port, timeout=1)
        started = time.monotonic()
        report = run_reminders(SEVEN_DAYS_BEFORE)
        took = time.monotonic() - started
    # Three connections that time out (1 s each) stop the batch; nobody's attempt is counted.
    assert took < 8, f"the tick took {took:.1f} s"
    assert report.released == 20 and report.sent == 0
    assert set(Delivery.objects.values_list("status", "attempts")) == {(Delivery.Status.PENDING, 0)}


def test_the_time_budget_is_checked_before_every_message(anniversary, settings):
    followers(anniversary.campaign, 6)
    settings.REMINDER_SEND_SECONDS, settings.REMINDER_SMTP_CONNECTIONS = 1, 1
    with SMTPServer() as server:
        use_server(settings, server.port)
        server.handler.delay_after_data = 0.4  # slow but answering: each message takes 0.4 s
        first = run_reminders(SEVEN_DAYS_BEFORE)
        assert 1 <= first.sent <= 4 and first.released == 6 - first.sent
        server.handler.delay_after_data = 0
        second = run_reminders(SEVEN_DAYS_BEFORE + datetime.timedelta(minutes=5))
    assert first.sent + second.sent == 6 and sorted(server.handler.recipients()) == sorted(
        f"reader{n}@example.org" for n in range(6)
    )


def test_a_malformed_subscriber_does_not_stop_anyone_elses_reminders(anniversary, smtp_server):
    good = make_subscriber("good@example.org", campaigns=[anniversary.campaign])
    bad = make_subscriber("bad@example.org", campaigns=[anniversary.campaign])
    Subscriber.objects.filter(pk=bad.pk).update(lead_days=7)  # as typed by hand in the admin's JSON box
    report = run_reminders(SEVEN_DAYS_BEFORE)
    assert smtp_server.recipients() == [good.email]
    assert any(f"Subscriber {bad.pk}" in error for error in report.errors)
    assert TickRecord.objects.get(name="reminders").report["errors"] == report.errors


@pytest.mark.parametrize("value", [7, [], [7, "1"], [2], [True], "7,1"])
def test_malformed_days_before_are_refused_by_the_model(value):
    with pytest.raises(ValidationError) as refused:
        Subscriber(email="reader@example.org", lead_days=value).full_clean()
    assert list(refused.value.message_dict) == ["lead_days"]


def test_the_admin_refuses_malformed_days_before(campaigner_client):
    subscriber = make_subscriber()
    page = campaigner_client.get(f"/admin/outreach/subscriber/{subscriber.pk}/change/")
    data = {"email": subscriber.email, "language": "en", "lead_days": "7"}
    response = campaigner_client.post(page.request["PATH_INFO"], data)
    assert response.status_code == 200 and "list of days" in response.content.decode()
    assert Subscriber.objects.get().lead_days == [7, 1]


def test_a_key_date_that_breaks_leaves_the_others_planned(anniversary, smtp_server, monkeypatch):
    other = make_key_date(campaign=anniversary.campaign, title="Action day", date=D(2026, 12, 16), recurrence="once")
    make_subscriber(campaigns=[anniversary.campaign])
    original = type(other).occurrences_between

    def broken_for_the_anniversary(self, start, end):
        if self.pk == anniversary.pk:
            raise ValueError("corrupt row")
        return original(self, start, end)

    monkeypatch.setattr(type(other), "occurrences_between", broken_for_the_anniversary)
    report = run_reminders(SEVEN_DAYS_BEFORE)
    assert report.sent == 1 and "Action day" in smtp_server.messages[0][1]["Subject"]
    assert any(f"KeyDate {anniversary.pk}" in error for error in report.errors)


def test_subjects_are_plain_text_not_html(smtp_server):
    key_date = make_key_date(campaign=make_campaign(), title="Oil workers' strike & massacre", date=D(2011, 12, 16))
    make_subscriber(campaigns=[key_date.campaign])
    run_reminders(SEVEN_DAYS_BEFORE)
    assert smtp_server.messages[0][1]["Subject"] == "In 7 days: Oil workers' strike & massacre (15 years)"


def test_a_tick_left_waiting_behind_a_slow_one_expires():
    app.finalize(auto=True)  # the schedules are set once the app is finalized
    entry = app.conf.beat_schedule["reminder-tick"]
    assert entry["options"]["expires"] == entry["schedule"]


@pytest.mark.django_db(transaction=True)
def test_overlapping_ticks_past_the_stale_window_never_take_a_live_row(settings):
    require_service(connection.vendor == "postgresql", "the overlapping-ticks test needs PostgreSQL (DATABASE_URL)")
    anniversary = make_key_date(campaign=make_campaign(), date=D(2011, 12, 16))
    followers(anniversary.campaign, 8)
    settings.REMINDER_STALE_MINUTES = 0.05  # 3 s: the first tick outlives it, renewing its claims
    reports, errors = [], []

    def tick(delay):
        try:
            time.sleep(delay)
            reports.append(run_reminders(SEVEN_DAYS_BEFORE))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    with SMTPServer() as server:
        use_server(settings, server.port)
        server.handler.delay_after_data = 0.8  # 8 messages: about 6.5 s for the first tick
        threads = [threading.Thread(target=tick, args=(delay,)) for delay in (0, 4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert not errors
    assert sorted(server.handler.recipients()) == sorted(f"reader{n}@example.org" for n in range(8))
    assert sum(report.interrupted for report in reports) == 0
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


@pytest.mark.django_db(transaction=True)
def test_one_planner_at_a_time():
    require_service(connection.vendor == "postgresql", "the planner lock needs PostgreSQL's row locks")
    anniversary = make_key_date(campaign=make_campaign(), date=D(2011, 12, 16))
    followers(anniversary.campaign, 1)
    reports = []

    def other_tick():
        try:
            reports.append(run_reminders(SEVEN_DAYS_BEFORE))
        finally:
            connection.close()

    with planner_lock() as held:
        assert held
        thread = threading.Thread(target=other_tick)
        thread.start()
        thread.join(30)
    assert reports[0].planner_busy and reports[0].created == 0
    assert run_reminders(SEVEN_DAYS_BEFORE).created == 1  # the next tick plans as usual


def test_planning_costs_the_same_queries_for_five_followers_or_fifty(
    anniversary, smtp_server, django_assert_max_num_queries
):
    from outreach.planning import plan
    from outreach.sending import Report

    followers(anniversary.campaign, 5)
    with CaptureQueriesContext(connection) as few:
        assert plan(SEVEN_DAYS_BEFORE, Report()) == 5
    Delivery.objects.all().delete()
    followers(anniversary.campaign, 50, start=5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        report = Report()
        assert plan(SEVEN_DAYS_BEFORE, report) == 55 and report.planned == 55
    assert plan(SEVEN_DAYS_BEFORE + datetime.timedelta(minutes=5), Report()) == 0  # planned once


def test_subscribers_with_the_same_days_written_differently_are_planned_once(anniversary, smtp_server):
    _same, compact, reordered = followers(anniversary.campaign, 3)
    with connection.cursor() as cursor:  # as another client might have written it: no spaces
        cursor.execute(
            f"UPDATE {Subscriber._meta.db_table} SET lead_days = %s WHERE id = %s",  # noqa: S608
            ["[7,1]", compact.pk],
        )
    Subscriber.objects.filter(pk=reordered.pk).update(lead_days=[1, 7])
    report = run_reminders(SEVEN_DAYS_BEFORE)
    assert (report.planned, report.created, report.sent) == (3, 3, 3)


def test_old_outbox_rows_are_pruned_and_their_counts_kept(anniversary, smtp_server, settings):
    from outreach.models import DeliveryTally

    settings.REMINDER_RETENTION_DAYS = 180
    followers(anniversary.campaign, 3)
    run_reminders(SEVEN_DAYS_BEFORE)
    Delivery.objects.update(created_at=SEVEN_DAYS_BEFORE - datetime.timedelta(days=200))
    later = SEVEN_DAYS_BEFORE + datetime.timedelta(days=1)
    report = run_reminders(later)
    assert report.pruned == 3 and not Delivery.objects.filter(created_at__lt=later - datetime.timedelta(days=180))
    tally = DeliveryTally.objects.get()
    assert (tally.kind, tally.status, tally.count, tally.month) == ("reminder", "sent", 3, D(2026, 5, 1))


def outbox_rows(campaign, count):
    return [
        Delivery.objects.create(
            subscriber=subscriber,
            occasion_key="keydate-1",
            occurrence=D(2026, 12, 16),
            lead_days=7,
            title="Zhanaozen anniversary",
            next_attempt_at=SEVEN_DAYS_BEFORE,
        )
        for subscriber in followers(campaign, count)
    ]


def test_senders_claim_different_rows_oldest_first(anniversary):
    rows = outbox_rows(anniversary.campaign, 3)
    first = Delivery.objects.ready(SEVEN_DAYS_BEFORE).claim("a" * 32, 2)
    second = Delivery.objects.ready(SEVEN_DAYS_BEFORE).claim("b" * 32, 5)
    assert (first, second) == ([rows[0].pk, rows[1].pk], [rows[2].pk])
    assert Delivery.objects.ready(SEVEN_DAYS_BEFORE).claim("c" * 32, 5) == []
    assert Delivery.objects.filter(claimed_at__isnull=False, status=Delivery.Status.SENDING).count() == 3


def test_a_chunk_write_changes_only_rows_its_sender_still_holds(anniversary):
    sent, taken_back, next_chunk = outbox_rows(anniversary.campaign, 3)
    Delivery.objects.ready(SEVEN_DAYS_BEFORE).claim("a" * 32, 3)
    Delivery.objects.filter(pk=taken_back.pk).update(status=Delivery.Status.UNCERTAIN)  # judged abandoned
    changed = Delivery.objects.advance("a" * 32, [sent.pk, taken_back.pk], SEVEN_DAYS_BEFORE, [next_chunk.pk])
    assert changed == 2
    sent.refresh_from_db(), taken_back.refresh_from_db(), next_chunk.refresh_from_db()
    assert (sent.status, sent.attempts, sent.sent_at) == (Delivery.Status.SENT, 1, SEVEN_DAYS_BEFORE)
    assert (taken_back.status, taken_back.attempts, taken_back.sent_at) == (Delivery.Status.UNCERTAIN, 0, None)
    assert next_chunk.status == Delivery.Status.SENDING and next_chunk.in_flight_since is not None
    assert sent.in_flight_since is None and next_chunk.attempts == 0


def test_the_database_checks_pass_here_and_refuse_an_sqlite_without_returning(monkeypatch):
    assert checks.run_checks(databases=["default"], tags=[checks.Tags.database]) == []
    monkeypatch.setattr(connection, "vendor", "sqlite")
    monkeypatch.setattr(connection, "Database", SimpleNamespace(sqlite_version_info=(3, 31, 1)))
    errors = checks.run_checks(databases=["default"], tags=[checks.Tags.database])
    assert [error.id for error in errors] == ["outreach.E001"] and "SQLite 3.31.1" in errors[0].msg
    assert sqlite_returning(databases=None) == []  # a plain `check` does not touch the database
