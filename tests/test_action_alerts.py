"""Actions in supporters' mail, over real SMTP: the news when an action opens, one reminder before its
deadline unless they did it, their personal "I did it" link counted once, and the outcome to those
who acted and no one else. Each exactly once, in the reader's language."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from actions.models import Action, Participation
from actions.services import participants
from outreach.models import ActionDone, Delivery, Subscriber
from outreach.reminders import run_reminders

from .factories import make_action, make_campaign, make_demand, make_key_date, make_person, make_source

pytestmark = pytest.mark.django_db
# The action runs from 1 to 15 December 2026 in Almaty (UTC+5): its deadline passes at 18:59 UTC on
# the 15th, and its reminder is due three days before at 9:00 there, 04:00 UTC on the 12th.
OPENED = "2026-12-02T04:00:00Z"
BEFORE_REMINDER = "2026-12-12T03:50:00Z"
REMINDER_DUE = "2026-12-12T04:30:00Z"
AFTER_DEADLINE = "2026-12-16T04:00:00Z"
DONE_LINK = re.compile(r"https?://\S+/actions/[\w-]+/done/\S+?/")


@pytest.fixture
def campaign():
    return make_campaign(slug="justice-for-zhanaozen", timezone="Asia/Almaty")


@pytest.fixture
def action(campaign):
    return make_action(campaign=campaign, slug="write-to-the-prosecutor")


def follower(email, campaign=None, people=(), language="en", action_alerts=True):
    subscriber = Subscriber.objects.create(
        email=email, language=language, confirmed_at=timezone.now(), action_alerts=action_alerts
    )
    subscriber.campaigns.set([campaign] if campaign else [])
    subscriber.prisoners.set(people)
    return subscriber


def tick(moment):
    with time_machine.travel(moment, tick=False):
        return run_reminders()


def subjects(server, to=None):
    return [m["Subject"] for rcpt, m in server.messages if to is None or to in rcpt]


def plain(message):
    return message.get_body(("plain",)).get_content()


def done_path(server, to, slug="write-to-the-prosecutor"):
    links = [DONE_LINK.search(plain(m)).group(0) for rcpt, m in server.messages if to in rcpt]
    return next(re.sub(r"^https?://[^/]+", "", link) for link in links if f"/actions/{slug}/" in link)


def test_a_follower_gets_the_news_then_one_deadline_reminder(action, campaign, smtp_server):
    follower("reader@example.org", campaign)
    tick(OPENED)
    tick(OPENED)
    tick(BEFORE_REMINDER)
    assert subjects(smtp_server) == [f"Take action: {action.title}"]
    tick(REMINDER_DUE)
    tick(REMINDER_DUE)
    assert subjects(smtp_server)[1:] == [f"3 days left: {action.title}"]
    tick(AFTER_DEADLINE)
    assert len(smtp_server.messages) == 2


def test_the_news_says_what_to_do_and_carries_the_unsubscribe_headers(action, campaign, smtp_server):
    follower("reader@example.org", campaign)
    tick(OPENED)
    ((_to, message),) = smtp_server.messages
    body = plain(message)
    assert "Copy the message." in body and "Send it before the deadline." in body
    assert "Tuesday 15 December 2026" in body or "15 December 2026" in body
    assert "/actions/write-to-the-prosecutor/" in body
    assert DONE_LINK.search(body)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http")


def test_who_follows_one_of_its_people_gets_it_and_who_said_no_does_not(campaign, smtp_server):
    person = make_person(campaign=campaign)
    make_action(campaign=make_campaign(timezone="Asia/Almaty"), people=[person])
    follower("person@example.org", people=[person])
    follower("no-actions@example.org", campaign, people=[person], action_alerts=False)
    Subscriber.objects.filter(pk=follower("unconfirmed@example.org", people=[person]).pk).update(confirmed_at=None)
    tick(OPENED)
    assert smtp_server.recipients() == ["person@example.org"]


def test_a_draft_or_not_yet_open_action_sends_nothing(campaign, smtp_server):
    make_action(campaign=campaign, visibility="draft")
    make_action(campaign=campaign, starts_on=datetime.date(2026, 12, 10))
    follower("reader@example.org", campaign)
    tick(OPENED)
    assert smtp_server.messages == []


def test_the_personal_link_counts_once_and_stops_the_reminder(action, campaign, client, smtp_server):
    follower("acted@example.org", campaign)
    follower("waited@example.org", campaign)
    tick(OPENED)
    path = done_path(smtp_server, "acted@example.org")
    with time_machine.travel("2026-12-05T10:00:00Z", tick=False):
        assert client.get(path).status_code == 200  # a mail scanner's visit counts nothing
        assert participants(action) == 0
        for _ in range(3):
            assert client.post(path).status_code == 200
    assert participants(action) == 1
    assert Participation.objects.get().channel == Participation.Channel.SUBSCRIBER
    tick(REMINDER_DUE)
    assert subjects(smtp_server, "acted@example.org") == subjects(smtp_server, "waited@example.org")[:1]
    assert len(subjects(smtp_server, "waited@example.org")) == 2


def test_a_tampered_or_other_actions_link_counts_nothing(action, campaign, client, smtp_server):
    follower("reader@example.org", campaign)
    other = make_action(campaign=campaign)
    tick(OPENED)
    path = done_path(smtp_server, "reader@example.org")
    with time_machine.travel("2026-12-05T10:00:00Z", tick=False):
        assert client.post(path.replace(action.slug, other.slug)).status_code == 400
        assert client.post(path[:-3] + "xx/").status_code == 400
    assert (participants(action), participants(other)) == (0, 0)


def test_the_outcome_goes_to_those_who_acted_and_no_one_else(action, campaign, client, smtp_server):
    acted = follower("acted@example.org", campaign)
    follower("waited@example.org", campaign)
    tick(OPENED)
    with time_machine.travel("2026-12-05T10:00:00Z", tick=False):
        client.post(done_path(smtp_server, "acted@example.org"))
    smtp_server.messages.clear()
    with time_machine.travel("2026-12-20T10:00:00Z", tick=False):
        action.status, action.outcome = Action.Status.CLOSED, "The prosecutor replied on 18 December."
        action.outcome_on, action.outcome_source = datetime.date(2026, 12, 18), make_source()
        action.full_clean()
        action.save()
    tick("2026-12-20T11:00:00Z")
    tick("2026-12-20T12:00:00Z")
    assert smtp_server.recipients() == ["acted@example.org"]
    ((_to, message),) = smtp_server.messages
    assert message["Subject"] == f"Outcome: {action.title}"
    assert "The prosecutor replied on 18 December." in plain(message)
    assert not DONE_LINK.search(plain(message))
    assert "because you told us you took part in this action" in plain(message)
    assert ActionDone.objects.get().subscriber == acted


def test_an_action_that_opens_near_its_deadline_sends_one_email(campaign, smtp_server):
    make_action(campaign=campaign, starts_on=datetime.date(2026, 12, 14))
    follower("reader@example.org", campaign)
    tick("2026-12-14T04:00:00Z")
    tick("2026-12-14T10:00:00Z")
    assert len(smtp_server.messages) == 1


def test_a_news_email_not_yet_sent_when_the_action_closes_is_cancelled(action, campaign, smtp_server):
    follower("reader@example.org", campaign)
    smtp_server.refuse["reader@example.org"] = "451 4.3.0 Try again later"
    tick(OPENED)
    del smtp_server.refuse["reader@example.org"]
    Action.objects.filter(pk=action.pk).update(status=Action.Status.CLOSED)
    tick("2026-12-02T10:00:00Z")
    assert smtp_server.messages == []
    assert Delivery.objects.get().status == Delivery.Status.CANCELLED


@pytest.mark.parametrize(
    ("language", "subject", "words"),
    [
        ("ru", "Напишите прокурору", ["Скопируйте письмо.", "15 декабря 2026"]),
        ("kk", "Прокурорға жазыңыз", ["Хатты көшіріңіз.", "желтоқсан"]),
    ],
)
def test_the_news_is_in_the_readers_language(action, campaign, smtp_server, language, subject, words):
    follower(f"{language}@example.org", campaign, language=language)
    tick(OPENED)
    ((_to, message),) = smtp_server.messages
    body = plain(message)
    assert subject in message["Subject"]
    assert all(word in body for word in words), body
    assert f"/{language}/actions/write-to-the-prosecutor/" in body
    assert f"/{language}/actions/write-to-the-prosecutor/done/" in body


def test_an_action_days_reminder_carries_its_actions(campaign, smtp_server):
    day = make_key_date(campaign=campaign, title="Action day", date=datetime.date(2026, 12, 16), recurrence="once")
    make_action(campaign=campaign, key_date=day, deadline=datetime.date(2026, 12, 16), title="Write today")
    subscriber = follower("reader@example.org", campaign, action_alerts=False)
    Subscriber.objects.filter(pk=subscriber.pk).update(lead_days=[7, 1])
    tick("2026-12-09T04:30:00Z")
    reminders = [m for _to, m in smtp_server.messages if "Action day" in m["Subject"]]
    assert reminders and "Write today" in plain(reminders[0])


def confirm_link(message):
    return re.search(r"http://[^\s\"]+/subscribe/confirm/[^\s\"]+/", message.body).group(0).split("8000", 1)[1]


def test_the_form_offers_actions_ticked_for_a_new_subscriber(campaign, client):
    page = client.get("/subscribe/?campaign=justice-for-zhanaozen").content.decode()
    assert re.search(r'<input[^>]*name="action_alerts"[^>]*checked', page)


@pytest.mark.parametrize(("ticked", "wanted"), [({"action_alerts": "on"}, True), ({}, False)])
def test_the_choice_about_actions_is_applied_when_the_owner_confirms(
    campaign, subscribe, mailoutbox, client, ticked, wanted
):
    subscribe(**ticked)
    Subscriber.objects.update(action_alerts=not wanted)  # a stranger's request changes nothing yet
    client.post(confirm_link(mailoutbox[0]))
    subscriber = Subscriber.objects.get()
    assert subscriber.is_active and subscriber.action_alerts is wanted


def test_who_follows_one_of_its_demands_gets_it(campaign, smtp_server):
    demand = make_demand(campaign=make_campaign())
    make_action(campaign=campaign, demands=[demand])
    subscriber = follower("demand@example.org")
    subscriber.demands.set([demand])
    tick(OPENED)
    assert smtp_server.recipients() == ["demand@example.org"]


def test_a_demand_page_offers_to_follow_it(campaign, client, subscribe, mailoutbox):
    demand = make_demand(campaign=campaign, slug="an-independent-inquiry")
    page = client.get("/demands/an-independent-inquiry/").content.decode()
    assert 'name="demand" value="an-independent-inquiry"' in page
    form = client.get("/subscribe/?demand=an-independent-inquiry").content.decode()
    assert re.search(r'<input[^>]*value="an-independent-inquiry"[^>]*checked|checked[^>]*value="an-independent-', form)
    subscribe(campaigns=[], demands=["an-independent-inquiry"])
    client.post(confirm_link(mailoutbox[0]))
    assert list(Subscriber.objects.get().demands.all()) == [demand]
    assert demand.title in mailoutbox[0].body
