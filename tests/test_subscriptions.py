import datetime
import re

import pytest
import time_machine
from django.test import Client

from outreach.models import Delivery, Subscriber
from outreach.reminders import run_reminders
from outreach.subscriptions import CONFIRM, expire_unconfirmed, subscription_email
from outreach.tokens import UNSUBSCRIBE_SALT, subscriber_token
from prisoners.models import Prisoner

from .factories import make_key_date, make_person

pytestmark = pytest.mark.django_db


def link_in(message, path):
    return re.search(rf"http://[^\s\"]+{path}[^\s\"]+/", message.body).group(0).split("8000", 1)[1]


@time_machine.travel(datetime.datetime(2026, 12, 8, 12, tzinfo=datetime.UTC))  # the day before the tick below
def test_subscribing_sends_a_confirmation_and_nothing_else(campaign, subscribe, mailoutbox):
    response = subscribe()
    assert response.status_code == 302 and response.url == "/subscribe/sent/"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.subject == "Confirm your reminders from the Zhanaozen tracker"
    assert "/subscribe/confirm/" in message.body and message.alternatives[0][1] == "text/html"
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None and subscriber.lead_days == [7, 1]
    make_key_date(campaign=campaign)
    run_reminders(datetime.datetime(2026, 12, 9, 4, tzinfo=datetime.UTC))
    # The outbox holds the confirmation request, and no reminder before confirmation.
    assert list(Delivery.objects.values_list("kind", flat=True)) == [Delivery.Kind.CONFIRM]


def test_confirmation_names_only_what_is_still_public(campaign):
    person = make_person(name="Later Withdrawn")
    subscriber = Subscriber.objects.create(email="reader@example.org")
    subscriber.campaigns.add(campaign)
    subscriber.prisoners.add(person)
    Prisoner.objects.filter(pk=person.pk).unpublish("A fact in doubt")
    body = subscription_email(subscriber, CONFIRM).body
    assert campaign.name in body and "Later Withdrawn" not in body


def test_confirmation_link_confirms_only_on_post(campaign, subscribe, mailoutbox, client):
    subscribe()
    url = link_in(mailoutbox[0], "/subscribe/confirm/")
    assert client.get(url).status_code == 200
    assert Subscriber.objects.get().confirmed_at is None  # a link scanner's GET confirms nothing
    assert client.post(url).status_code == 200
    assert Subscriber.objects.get().is_active


def test_tampered_or_foreign_tokens_are_refused(campaign, subscribe, mailoutbox, client):
    subscribe()
    url = link_in(mailoutbox[0], "/subscribe/confirm/")
    tampered = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    assert client.post(tampered).status_code == 400
    subscriber = Subscriber.objects.get()
    unsubscribe_token = subscriber_token(subscriber, UNSUBSCRIBE_SALT)
    assert client.post(f"/subscribe/confirm/{unsubscribe_token}/").status_code == 400  # wrong purpose
    assert client.get("/subscribe/manage/garbage/").status_code == 400
    assert client.post("/unsubscribe/garbage/").status_code == 400
    assert Subscriber.objects.get().confirmed_at is None


def test_confirmation_link_expires(campaign, subscribe, mailoutbox, client):
    subscribe()
    url = link_in(mailoutbox[0], "/subscribe/confirm/")
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=8)):
        assert client.post(url).status_code == 400
    assert Subscriber.objects.get().confirmed_at is None


def test_unconfirmed_subscriptions_expire(campaign, subscribe):
    subscribe()
    now = datetime.datetime.now(datetime.UTC)
    assert expire_unconfirmed(now + datetime.timedelta(days=6)) == 0
    assert expire_unconfirmed(now + datetime.timedelta(days=8)) == 1
    assert not Subscriber.objects.exists()


def test_same_answer_for_new_and_existing_addresses(campaign, subscribe, mailoutbox):
    new = subscribe("new@example.org")
    Subscriber.objects.create(email="known@example.org", confirmed_at=datetime.datetime.now(datetime.UTC))
    known = subscribe("KNOWN@example.org")
    assert (new.status_code, new.url) == (known.status_code, known.url)
    assert [m.to for m in mailoutbox] == [["new@example.org"], ["known@example.org"]]
    assert "already subscribed" in mailoutbox[1].body and "/subscribe/manage/" in mailoutbox[1].body


def test_a_stranger_cannot_change_a_confirmed_subscription(campaign, subscribe):
    subscriber = Subscriber.objects.create(
        email="known@example.org", confirmed_at=datetime.datetime.now(datetime.UTC), lead_days=[30]
    )
    subscriber.campaigns.add(campaign)
    other = make_person(slug="someone")
    subscribe("known@example.org", campaigns=[], prisoners=["someone"], lead_days=["1"])
    subscriber.refresh_from_db()
    assert subscriber.lead_days == [30] and list(subscriber.campaigns.all()) == [campaign]
    assert other not in subscriber.prisoners.all()


def test_invalid_address_gets_a_clear_message(campaign, subscribe):
    response = subscribe("not-an-address")
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_following_nothing_gets_a_clear_message(campaign, subscribe):
    response = subscribe(campaigns=[])
    assert response.status_code == 400 and "Choose at least one" in response.content.decode()


def test_subscribe_form_is_csrf_protected(campaign):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/subscribe/", {"email": "a@example.org", "language": "en", "campaigns": [campaign.slug]})
    assert response.status_code == 403 and not Subscriber.objects.exists()


def test_rate_limited_per_address(campaign, subscribe, mailoutbox, settings):
    settings.SUBSCRIBE_RATE_PER_ADDRESS = "2/h"
    assert [subscribe().status_code for _ in range(3)] == [302, 302, 429]
    assert len(mailoutbox) == 1  # and a repeat within ten minutes sends no second confirmation


def test_rate_limited_per_ip(campaign, subscribe, settings):
    settings.SUBSCRIBE_RATE_PER_IP = "3/h"
    codes = [subscribe(f"r{n}@example.org").status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    assert Subscriber.objects.count() == 3


def test_one_click_unsubscribe_takes_effect_at_once_without_login_or_csrf(campaign):
    subscriber = Subscriber.objects.create(email="r@example.org", confirmed_at=datetime.datetime.now(datetime.UTC))
    url = f"/unsubscribe/{subscriber_token(subscriber, UNSUBSCRIBE_SALT)}/"
    client = Client(enforce_csrf_checks=True)
    assert client.get(url).status_code == 200
    assert Subscriber.objects.get().is_active  # GET only shows the button
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.get().is_active


def test_preferences_page_changes_what_is_followed(campaign, client):
    from outreach.tokens import MANAGE_SALT

    subscriber = Subscriber.objects.create(email="r@example.org", confirmed_at=datetime.datetime.now(datetime.UTC))
    subscriber.campaigns.add(campaign)
    make_person(slug="erzhan-elshibayev")
    url = f"/subscribe/manage/{subscriber_token(subscriber, MANAGE_SALT)}/"
    assert "reader" not in url and "r@example.org" not in url
    page = client.get(url)
    assert page.status_code == 200 and 'value="justice-for-zhanaozen"' in page.content.decode()
    response = client.post(url, {"language": "ru", "prisoners": ["erzhan-elshibayev"], "lead_days": ["30", "1"]})
    assert response.status_code == 200 and "Saved" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.language == "ru" and subscriber.lead_days == [30, 1]
    assert list(subscriber.campaigns.all()) == [] and subscriber.prisoners.get().slug == "erzhan-elshibayev"


def test_short_forms_on_home_campaign_and_profile(campaign, client):
    person = make_person(campaign=campaign)
    for url, hidden in (
        ("/", 'name="campaign" value="justice-for-zhanaozen"'),
        (campaign.get_absolute_url(), 'name="campaign" value="justice-for-zhanaozen"'),
        (person.get_absolute_url(), f'name="person" value="{person.slug}"'),
    ):
        page = client.get(url).content.decode()
        # A GET to the full form: no email in an address, no per-visitor token in a shared page.
        assert 'method="get" action="/subscribe/"' in page and hidden in page and "csrfmiddlewaretoken" not in page, url
    full = client.get(f"/subscribe/?person={person.slug}").content.decode()
    assert re.search(rf'name="prisoners" value="{person.slug}" id="[^"]+" checked', full)


def test_subscriber_addresses_never_appear_publicly(campaign, client):
    person = make_person(campaign=campaign)
    Subscriber.objects.create(email="secret-supporter@example.org").campaigns.add(campaign)
    for url in (
        "/",
        campaign.get_absolute_url(),
        person.get_absolute_url(),
        "/calendar/",
        "/calendar.ics",
        "/subscribe/",
    ):
        assert "secret-supporter" not in client.get(url).content.decode(), url
