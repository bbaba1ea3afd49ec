import datetime
import threading

import pytest
import time_machine
from django.db import connection
from django.db.models.functions import Now
from django.utils import timezone

from campaigns.models import KeyDate
from core.publishing import Visibility
from outreach.models import Delivery, Subscriber
from outreach.occasions import Occasion
from outreach.planning import due_lead
from outreach.reminders import run_reminders, send_staff_digest
from outreach.sending import CHUNK_PER_CONNECTION
from outreach.smtp import EmailBackend
from prisoners.models import Status

from .conftest import require_service
from .factories import make_campaign, make_key_date, make_person, make_sentence

pytestmark = pytest.mark.django_db
D = datetime.date
UTC = datetime.UTC


def at(text):
    """A moment in UTC. Almaty is UTC+5: 09:00 there is 04:00 UTC."""
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def make_subscriber(email="reader@example.org", campaigns=(), people=(), lead_days=(7, 1), confirmed=True, **fields):
    subscriber = Subscriber.objects.create(
        email=email, lead_days=list(lead_days), confirmed_at=timezone.now() if confirmed else None, **fields
    )
    subscriber.campaigns.set(campaigns)
    subscriber.prisoners.set(people)
    return subscriber


@pytest.fixture
def anniversary():
    campaign = make_campaign(timezone="Asia/Almaty")
    return make_key_date(campaign=campaign, title="Zhanaozen anniversary", date=D(2011, 12, 16))


# Due computation at its boundaries ---------------------------------------------------------------


def occasion_on(day, tz="Asia/Almaty"):
    return Occasion(key="k", title="t", date=day, tz=tz, url="/")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-12-09T03:59:59", None),  # 08:59:59 in Almaty, 7 days before
        ("2026-12-09T04:00:00", 7),  # 09:00 in Almaty
        ("2026-12-15T03:59:59", 7),  # the day before, still before 09:00
        ("2026-12-15T04:00:00", 1),  # the day before at 09:00: the shorter lead wins
        ("2026-12-15T18:59:59", 1),  # 23:59:59 in Almaty: still ahead
        ("2026-12-15T19:00:00", None),  # midnight in Almaty: the day has begun
        ("2026-12-20T04:00:00", None),  # long past
    ],
)
def test_due_lead_at_its_boundaries(now, expected):
    assert due_lead(occasion_on(D(2026, 12, 16)), [7, 1], at(now)) == expected


def test_due_time_is_local_to_the_campaign():
    assert due_lead(occasion_on(D(2026, 12, 16), tz="Europe/London"), [7], at("2026-12-09T08:59:00")) is None
    assert due_lead(occasion_on(D(2026, 12, 16), tz="Europe/London"), [7], at("2026-12-09T09:00:00")) == 7


def test_reminder_is_sent_seven_days_before_and_one_day_before(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-09T04:00:00"))
    run_reminders(at("2026-12-15T04:00:00"))
    subjects = [message["Subject"] for _to, message in smtp_server.messages]
    assert subjects == ["In 7 days: Zhanaozen anniversary (15 years)", "Tomorrow: Zhanaozen anniversary (15 years)"]


def test_nothing_is_due_before_the_local_hour(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    report = run_reminders(at("2026-12-09T03:59:00"))
    assert (report.created, smtp_server.messages) == (0, [])


def test_missed_window_is_caught_up_while_the_date_is_ahead(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-12T10:00:00"))  # the server was down from the 9th to the 12th
    assert [m["Subject"] for _to, m in smtp_server.messages] == ["In 4 days: Zhanaozen anniversary (15 years)"]


def test_after_a_long_outage_only_the_nearest_reminder_goes_out(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-15T10:00:00"))
    assert [m["Subject"] for _to, m in smtp_server.messages] == ["Tomorrow: Zhanaozen anniversary (15 years)"]


def test_no_alert_for_a_date_already_past(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-16T10:00:00"))
    assert smtp_server.messages == [] and not Delivery.objects.exists()


def test_pending_reminder_is_not_sent_once_the_day_has_begun(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign], lead_days=[1])
    smtp_server.refuse["reader@example.org"] = "451 4.3.0 Try again later"
    run_reminders(at("2026-12-15T18:00:00"))
    del smtp_server.refuse["reader@example.org"]
    run_reminders(at("2026-12-15T20:00:00"))  # 01:00 on the 16th in Almaty
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and "passed" in delivery.last_error
    assert smtp_server.messages == []


# Who gets what -----------------------------------------------------------------------------------


def test_only_confirmed_followers_get_reminders(anniversary, smtp_server):
    make_subscriber("follower@example.org", campaigns=[anniversary.campaign])
    make_subscriber("pending@example.org", campaigns=[anniversary.campaign], confirmed=False)
    make_subscriber("gone@example.org", campaigns=[anniversary.campaign], unsubscribed_at=timezone.now())
    make_subscriber("other@example.org", campaigns=[make_campaign()])
    run_reminders(at("2026-12-09T04:00:00"))
    assert smtp_server.recipients() == ["follower@example.org"]


def test_following_a_person_brings_their_key_dates(anniversary, smtp_server):
    person = make_person(name="Roza Tuletaeva")
    anniversary.prisoners.add(person)
    make_subscriber(people=[person])
    run_reminders(at("2026-12-09T04:00:00"))
    assert smtp_server.recipients() == ["reader@example.org"]


def test_paused_key_date_sends_nothing(anniversary, smtp_server):
    KeyDate.objects.filter(pk=anniversary.pk).update(reminders_paused=True)
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-09T04:00:00"))
    assert smtp_server.messages == []


def test_draft_key_date_sends_nothing(anniversary, smtp_server):
    KeyDate.objects.filter(pk=anniversary.pk).update(visibility=Visibility.DRAFT)
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-09T04:00:00"))
    assert smtp_server.messages == []


def test_reminder_email_has_text_html_and_one_click_unsubscribe(anniversary, smtp_server):
    anniversary.place = "Alan Square, Zhanaozen"
    anniversary.save()
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-09T04:00:00"))
    ((_to, message),) = smtp_server.messages
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith("<http") and "/unsubscribe/" in message["List-Unsubscribe"]
    assert "reader@example.org" not in message["List-Unsubscribe"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):
        assert "Wednesday 16 December 2026" in part and "Alan Square, Zhanaozen" in part
        assert anniversary.campaign.get_absolute_url() in part and "/unsubscribe/" in part


# Derived dates -----------------------------------------------------------------------------------


def test_derived_dates_remind_followers_of_a_person(smtp_server):
    campaign = make_campaign()
    person = make_person(
        name="Erzhan Elshibayev", status=Status.IMPRISONED, arrested_on=D(2019, 12, 20), campaign=campaign
    )
    make_sentence(person, years=7)  # due for release on 20 December 2026
    make_subscriber(people=[person], lead_days=[7])
    run_reminders(at("2026-12-13T04:00:00"))
    subjects = sorted(m["Subject"] for _to, m in smtp_server.messages)
    assert subjects == [
        "In 7 days: 7 years since Erzhan Elshibayev was arrested",
        "In 7 days: Erzhan Elshibayev is due to be released",
    ]


def test_milestone_in_detention(smtp_server):
    person = make_person(
        name="Yerlan Baltabai", status=Status.DETAINED, arrested_on=D(2026, 12, 20) - datetime.timedelta(days=1000)
    )
    make_subscriber(people=[person], lead_days=[1])
    run_reminders(at("2026-12-19T04:00:00"))  # 1000 days on 20 December 2026
    assert [m["Subject"] for _to, m in smtp_server.messages] == ["Tomorrow: Yerlan Baltabai: 1000 days in detention"]


def test_derived_dates_follow_a_changed_record(smtp_server):
    person = make_person(name="Natalia Sokolova", status=Status.IMPRISONED, arrested_on=D(2020, 12, 20))
    make_subscriber(people=[person], lead_days=[7])
    smtp_server.refuse["reader@example.org"] = "451 4.3.0 Try again later"
    run_reminders(at("2026-12-13T04:00:00"))  # planned for 20 December, not sent yet
    # A campaigner corrects the arrest date; the old reminder must not go out, the new one must.
    person.arrested_on = D(2020, 12, 22)
    person.save()
    del smtp_server.refuse["reader@example.org"]
    run_reminders(at("2026-12-15T04:30:00"))
    old = Delivery.objects.get(occurrence=D(2026, 12, 20))
    assert old.status == Delivery.Status.CANCELLED and "changed" in old.last_error
    assert [m["Subject"] for _to, m in smtp_server.messages] == [
        "In 7 days: 6 years since Natalia Sokolova was arrested"
    ]
    assert Delivery.objects.get(occurrence=D(2026, 12, 22)).status == Delivery.Status.SENT


def test_released_person_gets_no_detention_reminders(smtp_server):
    person = make_person(status=Status.RELEASED, arrested_on=D(2020, 12, 20), released_on=D(2022, 1, 1))
    make_subscriber(people=[person], lead_days=[7])
    run_reminders(at("2026-12-13T04:00:00"))
    assert smtp_server.messages == []


# Exactly once ------------------------------------------------------------------------------------


def test_running_twice_sends_once(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    first = run_reminders(at("2026-12-09T04:00:00"))
    second = run_reminders(at("2026-12-09T04:05:00"))
    assert (first.created, first.sent, second.created, second.sent) == (1, 1, 0, 0)
    assert smtp_server.recipients() == ["reader@example.org"]


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_send_each_reminder_once(smtp_server):
    # SQLite's in-memory test database locks whole tables; the race is real only on PostgreSQL.
    require_service(connection.vendor == "postgresql", "the concurrency test needs PostgreSQL (DATABASE_URL)")
    anniversary = make_key_date(campaign=make_campaign(), date=D(2011, 12, 16))
    emails = [f"reader{n}@example.org" for n in range(12)]
    for address in emails:
        make_subscriber(address, campaigns=[anniversary.campaign])
    barrier = threading.Barrier(2)
    errors = []

    def tick():
        try:
            barrier.wait()
            run_reminders(at("2026-12-09T04:00:00"))
        except Exception as error:  # reported below, with the thread's error
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert smtp_server.recipients() == sorted(emails)
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == len(emails)


class WorkerKilled(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing in the service catches it."""


def killing_backend(die_after, before_delivery):
    """An SMTP backend whose sender dies at its Nth message, before or after the server has it."""

    class Backend(EmailBackend):
        count = 0

        def open(self):
            opened = super().open()
            if opened:
                real = self.connection.sendmail

                def sendmail(*args, **kwargs):
                    Backend.count += 1
                    if Backend.count == die_after and before_delivery:
                        raise WorkerKilled
                    result = real(*args, **kwargs)
                    if Backend.count == die_after:
                        raise WorkerKilled
                    return result

                self.connection.sendmail = sendmail
            return opened

    return Backend


@pytest.mark.parametrize("before_delivery", [True, False])
def test_rerun_after_a_crash_never_sends_a_duplicate_and_finishes_the_rest(
    anniversary, smtp_server, settings, monkeypatch, before_delivery
):
    settings.REMINDER_SMTP_CONNECTIONS = 1  # one connection: chunks of CHUNK_PER_CONNECTION, in order
    chunk = CHUNK_PER_CONNECTION
    emails = [f"reader{n}@example.org" for n in range(3 * chunk + 1)]  # three chunks and one row more
    for address in emails:
        make_subscriber(address, campaigns=[anniversary.campaign])
    backend = killing_backend(2 * chunk, before_delivery)  # dies at the last message of the second chunk
    monkeypatch.setattr("outreach.sending.get_connection", lambda: backend())
    with pytest.raises(WorkerKilled):
        run_reminders(at("2026-12-09T04:00:00"))
    monkeypatch.undo()
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == chunk
    dead_senders = len(emails) - chunk
    assert Delivery.objects.filter(status=Delivery.Status.SENDING).count() == dead_senders

    run_reminders(at("2026-12-09T04:05:00"))  # a live claim is left alone, by the database's clock
    assert Delivery.objects.filter(status=Delivery.Status.SENDING).count() == dead_senders
    Delivery.objects.filter(status=Delivery.Status.SENDING).update(claimed_at=Now() - datetime.timedelta(minutes=16))
    run_reminders(at("2026-12-09T04:30:00"))  # the next tick, once the claim has gone stale

    received = smtp_server.recipients()
    assert len(received) == len(set(received)), "a reminder went out twice"
    uncertain = Delivery.objects.filter(status=Delivery.Status.UNCERTAIN).select_related("subscriber")
    # The chunk in flight, and the one queued behind it on the connection.
    assert [d.subscriber.email for d in uncertain.order_by("pk")] == emails[chunk : 3 * chunk]
    assert all("stopped while sending" in d.last_error for d in uncertain)
    # (The simulated kill lets the queued chunk go out; a real SIGKILL would not. Either way: uncertain.)
    expected = set(emails) - ({emails[2 * chunk - 1]} if before_delivery else set())
    assert set(received) == expected
    # The first chunk, and the row that was never handed to the server, sent once each.
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == chunk + 1


def test_a_claim_in_progress_is_left_alone_by_another_tick(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-09T03:00:00"))
    Delivery.objects.create(
        subscriber=Subscriber.objects.get(),
        occasion_key=f"keydate:{anniversary.pk}",
        occurrence=D(2026, 12, 16),
        lead_days=7,
        title="x",
        status=Delivery.Status.SENDING,
        claimed_at=at("2026-12-09T04:00:00"),
    )
    run_reminders(at("2026-12-09T04:05:00"))  # another worker claimed it 5 minutes ago
    assert Delivery.objects.get().status == Delivery.Status.SENDING and smtp_server.messages == []


# SMTP failures -----------------------------------------------------------------------------------


def test_temporary_failure_is_retried_with_backoff(anniversary, smtp_server):
    make_subscriber(campaigns=[anniversary.campaign])
    smtp_server.refuse["reader@example.org"] = "451 4.3.0 Mailbox busy"
    run_reminders(at("2026-12-09T04:00:00"))
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING and "451" in delivery.last_error
    assert delivery.next_attempt_at == at("2026-12-09T04:05:00")
    run_reminders(at("2026-12-09T04:04:00"))
    assert Delivery.objects.get().attempts == 1  # not yet
    del smtp_server.refuse["reader@example.org"]
    run_reminders(at("2026-12-09T04:05:00"))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.Status.SENT, 2)
    assert smtp_server.recipients() == ["reader@example.org"]


def test_failure_after_the_attempt_limit_is_marked_failed(anniversary, smtp_server, settings):
    settings.REMINDER_MAX_ATTEMPTS = 3
    make_subscriber(campaigns=[anniversary.campaign])
    smtp_server.refuse["reader@example.org"] = "421 4.7.0 Try later"
    moment = at("2026-12-09T04:00:00")
    for _ in range(5):
        run_reminders(moment)
        moment += datetime.timedelta(hours=1)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (Delivery.Status.FAILED, 3)


def test_permanently_refused_address_is_not_retried(anniversary, smtp_server):
    subscriber = make_subscriber(campaigns=[anniversary.campaign])
    smtp_server.refuse["reader@example.org"] = "550 5.1.1 No such user"
    run_reminders(at("2026-12-09T04:00:00"))
    run_reminders(at("2026-12-15T04:00:00"))  # the one-day reminder is not even planned
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and "550" in delivery.last_error
    subscriber.refresh_from_db()
    assert subscriber.bounced_at and not subscriber.is_active


def test_each_connection_serves_many_messages(anniversary, smtp_server, monkeypatch, settings):
    settings.REMINDER_SMTP_CONNECTIONS = 3
    for n in range(12):
        make_subscriber(f"r{n}@example.org", campaigns=[anniversary.campaign])
    opened = []
    original = EmailBackend.open

    def counting_open(self):
        new = original(self)
        if new:
            opened.append(self)
        return new

    monkeypatch.setattr(EmailBackend, "open", counting_open)
    run_reminders(at("2026-12-09T04:00:00"))
    assert len(smtp_server.recipients()) == 12 and len(opened) == 3


# The command -------------------------------------------------------------------------------------


def test_send_reminders_command_dry_run_and_run(anniversary, smtp_server, capsys):
    from django.core.management import call_command

    make_subscriber(campaigns=[anniversary.campaign])
    call_command("send_reminders", "--now", "2026-12-09T04:00:00Z", "--dry-run")
    out = capsys.readouterr().out
    assert "1 reminder(s) due" in out and "Zhanaozen anniversary" in out
    assert not Delivery.objects.exists() and smtp_server.messages == []
    call_command("send_reminders", "--now", "2026-12-09T04:00:00Z")
    assert "sent 1" in capsys.readouterr().out
    assert smtp_server.recipients() == ["reader@example.org"]


def test_send_reminders_command_rejects_a_bad_date():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("send_reminders", "--now", "next tuesday")


@time_machine.travel(at("2026-12-09T04:00:00"), tick=False)
def test_weekly_staff_digest_goes_out_once(anniversary, campaigner, mailoutbox):
    assert send_staff_digest() == 1
    assert send_staff_digest() == 0
    assert len(mailoutbox) == 1 and "Zhanaozen anniversary" in mailoutbox[0].body


@time_machine.travel(at("2026-12-09T04:00:00"), tick=False)
def test_the_staff_digest_is_in_the_staffs_language(anniversary, campaigner, mailoutbox, settings):
    settings.STAFF_DIGEST_LANGUAGE = "ru"
    anniversary.title_ru = "Годовщина расстрела в Жанаозене"
    anniversary.save()
    assert send_staff_digest() == 1
    assert mailoutbox[0].subject.startswith("Ключевые даты") and "Годовщина расстрела в Жанаозене" in mailoutbox[0].body


def test_a_tick_sends_batch_after_batch_until_none_is_left(anniversary, smtp_server, settings):
    settings.REMINDER_BATCH_SIZE = 2
    for n in range(5):
        make_subscriber(f"r{n}@example.org", campaigns=[anniversary.campaign])
    report = run_reminders(at("2026-12-09T04:00:00"))
    assert report.sent == 5 and len(smtp_server.recipients()) == 5


def test_reminder_links_only_to_public_demands(anniversary, smtp_server):
    from .factories import make_demand

    public = make_demand(campaign=anniversary.campaign, title="Public demand")
    hidden = make_demand(campaign=make_campaign(visibility=Visibility.DRAFT), title="Demand of a draft campaign")
    anniversary.demands.add(public, hidden)
    make_subscriber(campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-09T04:00:00"))
    text = smtp_server.messages[0][1].get_body(("plain",)).get_content()
    assert "Public demand" in text and "Demand of a draft campaign" not in text
