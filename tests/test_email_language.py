"""Every email in its reader's language, with the plural forms Russian and Kazakh need and links to
the pages in that language; calendars per language."""

import datetime

import pytest
from django.utils import timezone, translation

from outreach.models import Subscriber
from outreach.reminders import run_reminders
from outreach.subscriptions import subscribe
from prisoners.models import Status

from .factories import make_campaign, make_key_date, make_person

pytestmark = pytest.mark.django_db
D = datetime.date


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


def reader(language, **follows):
    subscriber = Subscriber.objects.create(
        email=f"{language}@example.org", language=language, lead_days=[7, 3, 1], confirmed_at=timezone.now()
    )
    subscriber.campaigns.set(follows.get("campaigns", []))
    subscriber.prisoners.set(follows.get("people", []))
    return subscriber


@pytest.fixture
def anniversary():
    campaign = make_campaign(timezone="Asia/Almaty", slug="justice")
    return make_key_date(campaign=campaign, title="Zhanaozen anniversary", date=D(2011, 12, 16))


def subjects(smtp_server, to):
    return [message["Subject"].strip() for _envelope, message in smtp_server.messages if message["To"] == to]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ru",
            [
                "Через 7 дней: Zhanaozen anniversary (15 лет)",
                "Через 3 дня: Zhanaozen anniversary (15 лет)",
                "Завтра: Zhanaozen anniversary (15 лет)",
            ],
        ),
        (
            "kk",
            [
                "7 күннен кейін: Zhanaozen anniversary (15 жыл)",
                "3 күннен кейін: Zhanaozen anniversary (15 жыл)",
                "Ертең: Zhanaozen anniversary (15 жыл)",
            ],
        ),
    ],
)
def test_reminder_subjects_are_in_the_readers_language_with_plural_forms(anniversary, smtp_server, language, expected):
    reader(language, campaigns=[anniversary.campaign])
    for day in ("2026-12-09", "2026-12-13", "2026-12-15"):
        run_reminders(at(f"{day}T04:00:00"))
    assert subjects(smtp_server, f"{language}@example.org") == expected


def test_readers_of_three_languages_get_one_tick_each_in_their_own(anniversary, smtp_server):
    for language in ("en", "ru", "kk"):
        reader(language, campaigns=[anniversary.campaign])
    with translation.override("en"):  # the worker's language
        run_reminders(at("2026-12-09T04:00:00"))
    assert subjects(smtp_server, "en@example.org") == ["In 7 days: Zhanaozen anniversary (15 years)"]
    assert subjects(smtp_server, "ru@example.org") == ["Через 7 дней: Zhanaozen anniversary (15 лет)"]
    assert subjects(smtp_server, "kk@example.org") == ["7 күннен кейін: Zhanaozen anniversary (15 жыл)"]


def test_a_derived_date_is_titled_in_the_readers_language(smtp_server):
    person = make_person(name="Erzhan Elshibayev", arrested_on=D(2024, 12, 16), status=Status.IMPRISONED)
    reader("ru", people=[person])
    with translation.override("en"):
        run_reminders(at("2026-12-09T04:00:00"))
    assert subjects(smtp_server, "ru@example.org") == ["Через 7 дней: 2 года со дня ареста: Erzhan Elshibayev"]


def test_links_in_a_russian_reminder_go_to_the_russian_pages(anniversary, smtp_server, settings):
    reader("ru", campaigns=[anniversary.campaign])
    run_reminders(at("2026-12-09T04:00:00"))
    ((_to, message),) = smtp_server.messages
    body = message.get_body(("plain",)).get_content()
    assert f"{settings.SITE_URL}/ru/campaigns/justice/" in body and f"{settings.SITE_URL}/ru/calendar/" in body
    assert f"{settings.SITE_URL}/ru/unsubscribe/" in body and f"{settings.SITE_URL}/ru/subscribe/manage/" in body
    assert "Что вы можете сделать:" in body


def test_the_confirmation_email_is_in_the_language_chosen(smtp_server, settings, django_capture_on_commit_callbacks):
    campaign = make_campaign(name="Justice for Zhanaozen")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe("new@example.org", language="kk", campaigns=[campaign], prisoners=[], lead_days=[7])
    run_reminders(timezone.now())
    ((_to, message),) = smtp_server.messages
    assert message["Subject"].strip() == "Жаңаөзен трекерінің ескертпелерін растаңыз"
    assert f"{settings.SITE_URL}/kk/subscribe/confirm/" in message.get_body(("plain",)).get_content()


def test_the_calendar_feed_is_named_in_the_readers_language(client, anniversary):
    feed = client.get("/ru/calendar.ics").content.decode()
    assert "X-WR-CALNAME:Трекер Жанаозена: ключевые даты" in feed
