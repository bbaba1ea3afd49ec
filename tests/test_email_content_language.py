"""Every email in its reader's language, the record's own text included: a key date's title, place and
description, the people and demands it concerns, the campaigns followed, and the dates, written as
the language writes them. The English a record falls back to only where it has no text in that language."""

import datetime
import re
import unicodedata
from unittest import mock

import pytest
import time_machine
from django.utils import timezone, translation

from core.dates import day_in_words
from outreach import emails
from outreach.models import Subscriber
from outreach.reminders import run_reminders, send_staff_digest
from outreach.subscriptions import subscribe
from prisoners.models import Consent, Status

from .factories import make_campaign, make_demand, make_key_date, make_person

pytestmark = pytest.mark.django_db
D = datetime.date
TICK = "2026-12-09T04:00:00"  # 09:00 in Almaty, 7 days before 16 December 2026 (a Wednesday)

# The record in three languages, as an editor fills it in side by side.
CAMPAIGN = {"en": "Justice for Zhanaozen", "ru": "Справедливость для Жанаозена", "kk": "Жаңаөзенге әділдік"}
KEY_DATE = {
    "title": {"en": "Zhanaozen massacre", "ru": "Расстрел в Жанаозене", "kk": "Жаңаөзендегі атыс"},
    "place": {"en": "Alan Square, Zhanaozen", "ru": "площадь Алан, Жанаозен", "kk": "Алаң алаңы, Жаңаөзен"},
    "description": {
        "en": "Oil workers on strike were shot on the square.",
        "ru": "Бастующих нефтяников расстреляли на площади.",
        "kk": "Ереуілдегі мұнайшылар алаңда атып өлтірілді.",
    },
}
PERSON = {"en": "Erzhan Elshibayev", "ru": "Ержан Елшибаев", "kk": "Ержан Елшібаев"}
SUMMARY = {
    "en": "An oil worker sentenced for the strike.",
    "ru": "Нефтяник, осуждённый за забастовку.",
    "kk": "Ереуіл үшін сотталған мұнайшы.",
}
HIDDEN = {"en": "Roza Tuletaeva", "ru": "Роза Тулетаева", "kk": "Роза Төлетаева"}  # anonymised
DRAFT = {"en": "Maksat Dosmagambetov", "ru": "Максат Досмагамбетов", "kk": "Мақсат Досмағамбетов"}
DEMAND = {"en": "Release the oil workers", "ru": "Освободить нефтяников", "kk": "Мұнайшыларды босату"}
DAY = {
    "en": "Wednesday 16 December 2026",
    "ru": "среда, 16 декабря 2026 г.",
    "kk": "2026 ж. 16 желтоқсан, сәрсенбі",
}
CYRILLIC_AT_LEAST = 0.85


def translated(texts, field):
    return {f"{field}_{language}": text for language, text in texts.items()}


def letters_in_cyrillic(text):
    """The share of Cyrillic among the letters a reader reads: links and addresses are not words."""
    words = re.sub(r"https?://\S+|\S+@\S+", " ", text)
    letters = [c for c in words if c.isalpha()]
    return sum(unicodedata.name(c, "").startswith("CYRILLIC") for c in letters) / len(letters)


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


def reader(language, campaigns=(), people=()):
    subscriber = Subscriber.objects.create(
        email=f"{language}@example.org", language=language, lead_days=[7, 1], confirmed_at=timezone.now()
    )
    subscriber.campaigns.set(campaigns)
    subscriber.prisoners.set(people)
    return subscriber


def plain(message):
    return message.get_body(("plain",)).get_content()


def html(message):
    return message.get_body(("html",)).get_content()


def received(smtp_server, to):
    (message,) = [message for _envelope, message in smtp_server.messages if message["To"] == to]
    return message


@pytest.fixture
def massacre():
    """A key date with a named person, an anonymised one, a draft one and a demand, all translated."""
    campaign = make_campaign(slug="justice", timezone="Asia/Almaty", **translated(CAMPAIGN, "name"))
    named = make_person(slug="elshibayev", campaign=campaign, **translated(PERSON, "name"))
    hidden = make_person(consent=Consent.ANONYMISED, campaign=campaign, **translated(HIDDEN, "name"))
    draft = make_person(visibility="draft", campaign=campaign, **translated(DRAFT, "name"))
    demand = make_demand(campaign=campaign, people=[named], **translated(DEMAND, "title"))
    fields = {field: texts for name, value in KEY_DATE.items() for field, texts in translated(value, name).items()}
    # Once, this year: the title carries no anniversary.
    key_date = make_key_date(
        campaign=campaign, date=D(2026, 12, 16), time=datetime.time(18, 0), recurrence="once", **fields
    )
    key_date.prisoners.set([named, hidden, draft])
    key_date.demands.set([demand])
    return key_date


# The reminder of a key date ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_reminder_is_in_the_readers_language_content_included(massacre, smtp_server, language):
    reader(language, campaigns=[massacre.campaign])
    with translation.override("en"):  # the worker's language must not decide the reader's
        run_reminders(at(TICK))
    message = received(smtp_server, f"{language}@example.org")
    text = plain(message)
    assert letters_in_cyrillic(text) >= CYRILLIC_AT_LEAST, text
    expected = [
        KEY_DATE["title"][language],
        KEY_DATE["place"][language],
        KEY_DATE["description"][language],
        PERSON[language],
        DEMAND[language],
        CAMPAIGN[language],
        DAY[language],
    ]
    for part in (text, html(message)):
        assert all(words in part for words in expected), [words for words in expected if words not in part]
    assert KEY_DATE["title"][language] in message["Subject"]
    for english in (KEY_DATE["title"]["en"], KEY_DATE["place"]["en"], PERSON["en"], DEMAND["en"], CAMPAIGN["en"]):
        assert english not in text


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_reminder_shows_only_what_the_public_may_see(massacre, smtp_server, language):
    reader(language, campaigns=[massacre.campaign])
    run_reminders(at(TICK))
    text = plain(received(smtp_server, f"{language}@example.org"))
    # The anonymised person by initials only (of their name in the reader's script), in no language by
    # name; the draft not at all.
    assert {"en": "R. T.", "ru": "Р. Т.", "kk": "Р. Т."}[language] in text
    assert language == "en" or "R. T." not in text
    assert not any(name in text for names in (HIDDEN, DRAFT) for name in names.values())


def test_an_english_reader_still_gets_english(massacre, smtp_server):
    reader("en", campaigns=[massacre.campaign])
    with translation.override("ru"):  # nor does a worker left in Russian
        run_reminders(at(TICK))
    message = received(smtp_server, "en@example.org")
    text = plain(message)
    assert letters_in_cyrillic(text) == 0, text
    assert message["Subject"] == f"In 7 days: {KEY_DATE['title']['en']}"
    expected = [*(texts["en"] for texts in KEY_DATE.values()), PERSON["en"], DEMAND["en"], CAMPAIGN["en"]]
    assert all(words in text for words in expected)
    assert f"When: {DAY['en']}, 18:00 (Almaty)" in text


def test_a_field_with_no_text_in_the_readers_language_falls_back_to_english(massacre, smtp_server):
    massacre.place_ru = ""
    massacre.save()
    reader("ru", campaigns=[massacre.campaign])
    run_reminders(at(TICK))
    text = plain(received(smtp_server, "ru@example.org"))
    assert f"Где: {KEY_DATE['place']['en']}" in text and KEY_DATE["title"]["ru"] in text


@pytest.mark.parametrize(
    ("language", "when"),
    [
        ("ru", "Когда: среда, 16 декабря 2026 г., 18:00 (Алматы)"),
        ("kk", "Қашан: 2026 ж. 16 желтоқсан, сәрсенбі, 18:00 (Алматы)"),
    ],
)
def test_a_reminder_says_when_as_the_language_writes_it(massacre, smtp_server, language, when):
    reader(language, campaigns=[massacre.campaign])
    run_reminders(at(TICK))
    assert when in plain(received(smtp_server, f"{language}@example.org"))


def test_readers_in_three_languages_each_get_theirs_from_one_rendering_per_language(massacre, smtp_server):
    for language in ("en", "ru", "kk"):
        for n in range(2):
            subscriber = reader(language, campaigns=[massacre.campaign])
            Subscriber.objects.filter(pk=subscriber.pk).update(email=f"{language}{n}@example.org")
    with mock.patch.object(emails, "render_to_string", wraps=emails.render_to_string) as rendering:
        run_reminders(at(TICK))
    assert rendering.call_count == 3 * 3  # subject, text and HTML once per language, not per reader
    for language in ("en", "ru", "kk"):
        for n in range(2):
            assert KEY_DATE["title"][language] in plain(received(smtp_server, f"{language}{n}@example.org"))


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_derived_date_names_the_person_in_the_readers_language(smtp_server, language):
    person = make_person(
        arrested_on=D(2024, 12, 16),
        status=Status.IMPRISONED,
        **translated(PERSON, "name"),
        **translated(SUMMARY, "summary"),
    )
    reader(language, people=[person])
    with translation.override("en"):
        run_reminders(at(TICK))
    message = received(smtp_server, f"{language}@example.org")
    text = plain(message)
    assert PERSON[language] in message["Subject"] and PERSON["en"] not in message["Subject"]
    assert SUMMARY[language] in text and DAY[language] in text
    assert letters_in_cyrillic(text) >= CYRILLIC_AT_LEAST, text


# The confirmation of a subscription ------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_confirmation_names_what_is_followed_in_the_readers_language(
    massacre, smtp_server, django_capture_on_commit_callbacks, language
):
    person = massacre.prisoners.get(slug="elshibayev")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(
            "new@example.org", language=language, campaigns=[massacre.campaign], prisoners=[person], lead_days=[7]
        )
    run_reminders(timezone.now())
    (message,) = [message for _envelope, message in smtp_server.messages]
    text = plain(message)
    assert letters_in_cyrillic(text) >= CYRILLIC_AT_LEAST, text
    for part in (text, html(message)):
        assert CAMPAIGN[language] in part and PERSON[language] in part
        assert CAMPAIGN["en"] not in part and PERSON["en"] not in part


# The weekly digest to staff, in STAFF_DIGEST_LANGUAGE ---------------------------------------------


@pytest.mark.parametrize(
    ("language", "week"),
    [("ru", "неделя с 7 декабря 2026 г."), ("kk", "2026 ж. 7 желтоқсан басталатын апта")],
)
@time_machine.travel(at(TICK), tick=False)
def test_the_staff_digest_is_in_its_language_content_and_dates_included(
    massacre, campaigner, mailoutbox, settings, language, week
):
    settings.STAFF_DIGEST_LANGUAGE = language
    assert send_staff_digest() == 1
    (message,) = mailoutbox
    assert week in message.subject
    assert letters_in_cyrillic(message.body) >= CYRILLIC_AT_LEAST, message.body
    assert f"{DAY[language]}: {KEY_DATE['title'][language]} ({CAMPAIGN[language]})" in message.body
    assert KEY_DATE["title"][language] in message.alternatives[0][0]


# Dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "day", "with_weekday"),
    [
        ("en", "16 December 2026", "Wednesday 16 December 2026"),
        ("ru", "16 декабря 2026 г.", "среда, 16 декабря 2026 г."),
        ("kk", "2026 ж. 16 желтоқсан", "2026 ж. 16 желтоқсан, сәрсенбі"),
    ],
)
def test_a_full_date_is_written_as_the_language_writes_it(language, day, with_weekday):
    with translation.override(language):
        assert day_in_words(D(2026, 12, 16)) == day
        assert day_in_words(D(2026, 12, 16), weekday=True) == with_weekday
