"""Who may turn mail on, links that survive key rotation, and subscription emails through the outbox."""

import datetime
import hashlib

import pytest
import time_machine
from django.core import signing
from django.utils.crypto import salted_hmac

from config.celery import app
from outreach.models import Delivery, StaffDigest, Subscriber, Suppression
from outreach.reminders import run_reminders, send_staff_digest
from outreach.subscriptions import expire_unconfirmed, is_suppressed
from outreach.tokens import MANAGE_SALT, UNSUBSCRIBE_SALT, address_hash, subscriber_token, subscriber_tokens

from .smtp import SMTPServer, free_port
from .test_subscriptions import link_in

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 2, 10, tzinfo=datetime.UTC)


def confirmed(email="reader@example.org", campaign=None, **fields):
    subscriber = Subscriber.objects.create(email=email, confirmed_at=NOW - datetime.timedelta(days=30), **fields)
    if campaign:
        subscriber.campaigns.add(campaign)
    return subscriber


@pytest.mark.parametrize("state", ["unsubscribed_at", "bounced_at"])
def test_a_stranger_cannot_turn_mail_back_on_without_the_owner(campaign, subscribe, mailoutbox, client, state):
    subscriber = confirmed(campaign=campaign, **{state: NOW})
    assert subscribe().status_code == 302
    subscriber.refresh_from_db()
    assert getattr(subscriber, state) is not None and not subscriber.is_active
    assert len(mailoutbox) == 1 and "/subscribe/confirm/" in mailoutbox[0].body
    assert client.post(link_in(mailoutbox[0], "/subscribe/confirm/")).status_code == 200  # the owner's click
    subscriber.refresh_from_db()
    assert subscriber.is_active and not is_suppressed(subscriber.email)


def test_an_unsubscribe_outlives_its_expired_row(campaign, subscribe, mailoutbox, client):
    with time_machine.travel(NOW, tick=False):
        subscribe()  # a stranger's request: the owner never asked
        header = mailoutbox[0].extra_headers["List-Unsubscribe"]  # the owner says no, from that email
        assert client.post(header.strip("<>").split("8000", 1)[1]).status_code == 200
    expire_unconfirmed(NOW + datetime.timedelta(days=8))
    assert not Subscriber.objects.exists() and is_suppressed("reader@example.org")
    with time_machine.travel(NOW + datetime.timedelta(days=9), tick=False):
        subscribe()
    with time_machine.travel(NOW + datetime.timedelta(days=10), tick=False):
        subscribe()  # a day later: past the ten minutes, but within the confirmation period
    assert len(mailoutbox) == 2, "an address that said no gets one confirmation a period, no more"


def test_resubscribing_from_the_preferences_link_needs_a_confirmation(
    campaign, client, mailoutbox, eager_celery, django_capture_on_commit_callbacks
):
    subscriber = confirmed(campaign=campaign, unsubscribed_at=NOW)
    url = f"/subscribe/manage/{subscriber_token(subscriber, MANAGE_SALT)}/"
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, {"language": "en", "campaigns": ["justice-for-zhanaozen"], "lead_days": ["7"]})
    assert "email to confirm" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at and subscriber.lead_days == [7]
    assert len(mailoutbox) == 1 and "/subscribe/confirm/" in mailoutbox[0].body


def test_an_expired_confirmation_link_says_so_and_offers_no_button(campaign, subscribe, mailoutbox, client):
    subscribe()
    url = link_in(mailoutbox[0], "/subscribe/confirm/")
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=8)):
        page = client.get(url)
    assert page.status_code == 400 and "may have expired" in page.content.decode()
    assert "<form" not in page.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_links_carry_a_keyed_hash_of_the_address():
    subscriber = confirmed()
    _pk, digest = signing.loads(subscriber_token(subscriber, UNSUBSCRIBE_SALT), salt=UNSUBSCRIBE_SALT)
    assert digest == address_hash(subscriber.email)[:32]
    assert digest[:16] != hashlib.sha256(subscriber.email.encode()).hexdigest()[:16]


@time_machine.travel(datetime.datetime(2026, 12, 9, 4, tzinfo=datetime.UTC), tick=False)
def test_links_are_signed_exactly_as_django_signs_them_under_the_current_key(settings):
    subscriber = confirmed()
    for key in (settings.SECRET_KEY, "a-new-key-" + "y" * 50):
        settings.SECRET_KEY = key
        digest = salted_hmac("campaigns.outreach.address", subscriber.email, algorithm="sha256").hexdigest()
        assert address_hash(subscriber.email) == digest
        expected = [signing.dumps([subscriber.pk, digest[:32]], salt=salt) for salt in (UNSUBSCRIBE_SALT, MANAGE_SALT)]
        assert subscriber_tokens(subscriber, [UNSUBSCRIBE_SALT, MANAGE_SALT]) == expected


def test_links_sent_with_the_old_plain_hash_still_unsubscribe(client):
    subscriber = confirmed()
    old = signing.dumps(
        [subscriber.pk, hashlib.sha256(subscriber.email.encode()).hexdigest()[:16]], salt=UNSUBSCRIBE_SALT
    )
    assert client.post(f"/unsubscribe/{old}/").status_code == 200
    assert Subscriber.objects.get().unsubscribed_at is not None


def test_links_survive_a_key_rotation_while_the_old_key_is_a_fallback(client, settings):
    subscriber = confirmed()
    token = subscriber_token(subscriber, UNSUBSCRIBE_SALT)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-key-" + "x" * 50, []
    assert client.post(f"/unsubscribe/{token}/").status_code == 400
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert client.post(f"/unsubscribe/{token}/").status_code == 200


@pytest.fixture
def dead_broker():
    """The broker is a real address where nothing listens, as when Redis is down."""

    def forget_connections():  # Celery keeps its broker connections (and producers) once made
        app._pool = None
        app.amqp._producer_pool = None

    saved = app.conf.broker_url, app.conf.broker_transport, app.conf.task_always_eager
    app.conf.broker_url, app.conf.broker_transport = f"redis://127.0.0.1:{free_port()}/0", None
    app.conf.task_always_eager = False
    forget_connections()
    yield
    app.conf.broker_url, app.conf.broker_transport, app.conf.task_always_eager = saved
    forget_connections()


def test_subscribing_with_the_broker_down_answers_the_same_and_the_tick_sends_it(
    campaign, client, smtp_server, dead_broker, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/subscribe/", {"email": "reader@example.org", "language": "en", "campaigns": ["justice-for-zhanaozen"]}
        )
    assert (response.status_code, response.url) == (302, "/subscribe/sent/")
    assert "Broker unavailable" in caplog.text  # the enqueue really failed, and was survived
    assert smtp_server.messages == [] and Delivery.objects.get().kind == Delivery.Kind.CONFIRM
    run_reminders()
    assert smtp_server.recipients() == ["reader@example.org"]
    assert "Confirm" in smtp_server.messages[0][1]["Subject"]


def test_the_weekly_digest_goes_to_each_recipient_and_retries_a_refused_one(campaigner, editor, smtp_server):
    smtp_server.refuse[editor.email] = "451 4.2.0 Mailbox busy"
    with time_machine.travel(NOW, tick=False):
        assert send_staff_digest() == 2
        assert send_staff_digest() == 0  # the week is planned once
    assert smtp_server.recipients() == [campaigner.email]
    del smtp_server.refuse[editor.email]
    run_reminders(NOW + datetime.timedelta(minutes=10))
    assert smtp_server.recipients() == sorted([campaigner.email, editor.email])
    assert StaffDigest.objects.get().recipients == 2


def test_a_mail_server_down_at_digest_time_loses_no_week(campaigner, settings):
    port = free_port()
    settings.EMAIL_BACKEND = "outreach.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    with time_machine.travel(NOW, tick=False):
        send_staff_digest()
    assert Delivery.objects.get().status == Delivery.Status.PENDING
    with SMTPServer(port) as server:
        run_reminders(NOW + datetime.timedelta(minutes=5))
    assert server.handler.recipients() == [campaigner.email]


def test_a_confirmation_refused_for_good_suppresses_the_address(
    campaign, client, smtp_server, dead_broker, django_capture_on_commit_callbacks
):
    smtp_server.refuse["nobody@example.org"] = "550 5.1.1 No such user"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/subscribe/", {"email": "nobody@example.org", "language": "en", "campaigns": [campaign.slug]})
    run_reminders()
    assert Delivery.objects.get().status == Delivery.Status.FAILED
    assert Suppression.objects.filter(reason=Suppression.Reason.REFUSED).exists()
    expire_unconfirmed(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=8))
    assert not Subscriber.objects.exists() and is_suppressed("nobody@example.org")  # remembered after the row


@pytest.mark.parametrize("state", ["pending", "unsubscribed_at"])
def test_a_stranger_cannot_change_a_known_addresss_choices_only_its_owner_by_confirming(
    state, campaign, subscribe, mailoutbox, client
):
    from .factories import make_campaign, make_person

    other = make_campaign(slug="other-campaign", name="Another campaign")
    person = make_person(slug="aigul", name="Aigul Sample", campaign=campaign)
    owner = Subscriber.objects.create(email="reader@example.org", language="kk", lead_days=[3])
    owner.campaigns.add(campaign)
    if state == "unsubscribed_at":
        Subscriber.objects.filter(pk=owner.pk).update(confirmed_at=NOW, unsubscribed_at=NOW)
    unknown = subscribe(email="nobody@example.org")
    known = subscribe(language="ru", campaigns=["other-campaign"], prisoners=["aigul"], lead_days=["7", "1"])
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)  # the same answer either way
    owner.refresh_from_db()
    assert (owner.language, owner.lead_days, list(owner.campaigns.all())) == ("kk", [3], [campaign])

    confirmation = next(mail for mail in mailoutbox if mail.to == ["reader@example.org"])
    assert "Another campaign" in confirmation.body and "Aigul Sample" in confirmation.body  # what would apply
    assert client.post(link_in(confirmation, "/subscribe/confirm/")).status_code == 200  # the owner's click
    owner.refresh_from_db()
    assert owner.is_active and (owner.language, owner.lead_days) == ("ru", [7, 1])
    assert (list(owner.campaigns.all()), list(owner.prisoners.all())) == ([other], [person])
