"""An action's public pages: the list, the page with its message and letter, the visitor's "I did it"
counted once a day without a cookie, and the blocks on the pages the action serves."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from actions.models import Action, Participation
from actions.services import count_participation
from core.publishing import Visibility
from prisoners.models import Consent

from .factories import make_action, make_addressee, make_campaign, make_demand, make_key_date, make_person, make_source

pytestmark = pytest.mark.django_db

# Within the factory's action, open from 1 to 15 December 2026 (Almaty time).
NOW = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def page(client, address, status=200):
    response = client.get(address)
    assert response.status_code == status, address
    return response.content.decode()


def participants(client, action):
    response = client.get(f"/actions/{action.slug}/participants.json")
    assert "no-store" in response["Cache-Control"]
    return response.json()["participants"]


def done(client, action, **headers):
    return client.post(f"/actions/{action.slug}/done/", **headers)


@pytest.mark.parametrize(
    ("prefix", "title", "step", "message"),
    [
        ("", "Write to the prosecutor", "Send it before the deadline.", "I ask you to open an independent"),
        ("/ru", "Напишите прокурору", "Отправьте его до срока.", "Прошу вас начать независимое"),
        ("/kk", "Прокурорға жазыңыз", "Оны мерзімге дейін жіберіңіз.", "Тәуелсіз тергеу бастауыңызды"),
    ],
)
def test_the_page_shows_the_action_in_the_readers_language(client, prefix, title, step, message):
    action = make_action(slug="write", write_in="")
    html = page(client, f"{prefix}/actions/write/")
    assert f"<h1>{title}" in html and f"<li>{step}</li>" in html
    textarea = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S)[1]
    assert message in unescape(textarea) and action.title_en not in textarea


def test_steps_are_an_ordered_list_without_the_numbers_typed_in_them(client):
    make_action(slug="write", steps="1. Copy the message.\n\n2) Sign it.\n- Send it.")
    assert '<ol class="steps"><li>Copy the message.</li><li>Sign it.</li><li>Send it.</li></ol>' in page(
        client, "/actions/write/"
    )


def test_the_deadline_is_in_words_in_the_campaigns_time_and_in_utc_for_machines(client):
    make_action(slug="write", deadline_time=datetime.time(18, 0))
    english = page(client, "/actions/write/")
    # Almaty is five hours ahead of UTC.
    assert '<time class="deadline" datetime="2026-12-15T13:00:00+00:00"' in english
    assert "by 15 December 2026, 18:00 Almaty time</time>" in english
    russian = page(client, "/ru/actions/write/")
    assert "15 декабря 2026" in russian and "Алматы" in russian


def test_a_deadline_without_a_time_is_the_end_of_the_day(client):
    make_action(slug="write")
    assert 'datetime="2026-12-15T18:59:00+00:00"' in page(client, "/actions/write/")


def test_a_reader_of_another_language_sees_the_message_to_send_and_its_meaning(client):
    make_action(slug="write", write_in="ru")
    html = page(client, "/actions/write/")
    textarea = re.search(r'<textarea[^>]*lang="ru"[^>]*>(.*?)</textarea>', html, re.S)[1]
    assert (
        textarea
        == "Независимое расследование\n\nУважаемый Генеральный прокурор!\n\nПрошу вас начать независимое расследование."
    )
    assert "I ask you to open an independent investigation." in html  # what it says, to read
    # In Russian there is one message: the one to send.
    assert "I ask you" not in page(client, "/ru/actions/write/")


def test_the_mailto_link_fills_in_subject_and_body_in_the_language_to_write_in(client):
    make_action(slug="write", write_in="ru", addressees=[make_addressee(email="prosecutor@example.kz")])
    html = page(client, "/kk/actions/write/")
    link = unescape(re.search(r'class="mailto" href="([^"]+)"', html)[1])
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "prosecutor@example.kz"
    assert " " not in link and "+" not in link  # percent-encoded, as RFC 6068 asks
    query = parse_qs(parts.query)
    assert query["subject"] == ["Независимое расследование"]
    assert query["body"] == ["Уважаемый Генеральный прокурор!\r\n\r\nПрошу вас начать независимое расследование."]


def test_an_addressee_is_reached_every_way_it_can_be(client):
    office = make_addressee(
        name="Office of the Prosecutor General",
        email="",
        phone="+7 (7172) 71-25-00",
        web_form="https://prokuror.example.kz/appeal",
        public_account="https://t.me/prokuror_example",
    )
    make_action(slug="write", addressees=[office])
    html = page(client, "/actions/write/")
    assert "Office of the Prosecutor General" in html and "1 Example Street, Astana" in html
    assert '<a href="tel:+77172712500" rel="noopener">+7 (7172) 71-25-00</a>' in html
    assert 'href="https://prokuror.example.kz/appeal" rel="noopener noreferrer external"' in html
    assert 'href="https://t.me/prokuror_example" rel="noopener noreferrer external"' in html
    assert 'class="mailto"' not in html  # no email address, no email to open


def test_people_demands_and_key_date_are_shown_only_when_public(client):
    campaign = make_campaign()
    named = make_person(name="Erzhan Elshibayev")
    draft = make_person(name="Draft Person", visibility=Visibility.DRAFT)
    anonymised = make_person(name="Ruslan Tolegenov", consent=Consent.ANONYMISED)
    demand = make_demand(campaign=campaign, title="Release Erzhan Elshibayev")
    hidden = make_demand(campaign=campaign, title="A draft demand", visibility=Visibility.DRAFT)
    key_date = make_key_date(campaign=campaign, title="Anniversary of Zhanaozen")
    make_action(
        slug="write", campaign=campaign, people=[named, draft, anonymised], demands=[demand, hidden], key_date=key_date
    )
    html = page(client, "/actions/write/")
    assert "Erzhan Elshibayev" in html and "Draft Person" not in html
    assert f'<a href="/prisoners/anonymous-{anonymised.pk}/">R. T.</a>' in html and "Tolegenov" not in html
    assert "Release Erzhan Elshibayev" in html and "A draft demand" not in html
    assert '<time datetime="2026-12-16">16 December 2026</time>: Anniversary of Zhanaozen' in html
    key_date.visibility = Visibility.DRAFT
    key_date.save()
    assert "Anniversary of Zhanaozen" not in page(client, "/actions/write/")


def test_the_sources_are_listed_unless_they_could_name_an_anonymised_person(client):
    action = make_action(slug="write")
    action.sources.set([make_source(title="Union statement")])
    assert "Union statement" in page(client, "/actions/write/")
    action.prisoners.set([make_person(consent=Consent.ANONYMISED)])
    assert "Union statement" not in page(client, "/actions/write/")


def test_a_draft_action_is_not_found_and_an_archived_one_is_gone(client):
    make_action(slug="draft", visibility=Visibility.DRAFT)
    page(client, "/actions/draft/", 404)
    archived = make_action(slug="was-public")
    page(client, "/actions/was-public/")
    Action.objects.filter(pk=archived.pk).update(visibility=Visibility.ARCHIVED)
    html = page(client, "/actions/was-public/", 410)
    assert "Write to the prosecutor" not in html


def test_an_action_of_a_draft_campaign_is_not_public(client):
    make_action(slug="write", campaign=make_campaign(visibility=Visibility.DRAFT))
    page(client, "/actions/write/", 404)
    assert "/actions/write/" not in page(client, "/actions/")
    assert client.get("/actions/write/participants.json").status_code == 404


def test_the_printable_letter_has_the_address_salutation_message_and_room_to_sign(client):
    office = make_addressee(name="Prosecutor General", name_ru="Генеральному прокурору", postal_address="Astana")
    make_action(slug="write", write_in="ru", addressees=[office, make_addressee(postal_address="")])
    html = page(client, "/actions/write/letter/")
    assert html.count('<article class="letter" lang="ru">') == 1  # one letter: one addressee has an address
    letter = html.split('<article class="letter"', 1)[1]
    assert "Генеральному прокурору<br>Astana" in letter
    assert "Уважаемый Генеральный прокурор!" in letter and "Прошу вас начать независимое расследование." in letter
    assert letter.count('class="letter-line') == 4  # date, name, address, signature


def test_there_is_no_letter_without_a_message(client):
    make_action(slug="sign", kind=Action.Kind.PETITION, message="", message_ru="", message_kk="")
    page(client, "/actions/sign/letter/", 404)
    assert "/actions/sign/letter/" not in page(client, "/actions/sign/")


def test_the_list_shows_open_actions_first_with_their_counts_then_closed_ones_with_their_outcome(client):
    closed = make_action(
        title="Write for Natalia",
        deadline=datetime.date(2026, 12, 5),
        status=Action.Status.CLOSED,
        outcome="Released on 3 December.",
        outcome_source=make_source(),
    )
    later = make_action(title="Sign the petition", deadline=datetime.date(2026, 12, 20))
    sooner = make_action(title="Write to the prosecutor")
    count_participation(sooner, "en", Participation.Channel.VISITOR)
    make_action(title="A draft action", visibility=Visibility.DRAFT)
    html = page(client, "/actions/")
    titles = re.findall(r'<h2><a href="/actions/[^"]+/">([^<]+)</a></h2>', html)
    assert titles == [sooner.title, later.title, closed.title]
    assert "1 person took part" in html and "Outcome:</strong> Released on 3 December." in html


def test_an_action_still_open_past_its_deadline_is_listed_after_those_one_can_take_part_in(client):
    lapsed = make_action(title="Lapsed", starts_on=datetime.date(2026, 11, 1), deadline=datetime.date(2026, 12, 6))
    current = make_action(title="Current", deadline=datetime.date(2026, 12, 20))
    assert list(Action.objects.listed()) == [current, lapsed]


def test_a_visitor_who_did_it_is_counted_once_a_day(client):
    action = make_action(slug="write")
    first = done(client, action)
    assert first.status_code == 303 and first["Location"] == "/actions/write/thanks/"
    assert participants(client, action) == 1
    again = done(client, action)
    assert again["Location"] == "/actions/write/thanks/?again=1"
    assert participants(client, action) == 1
    assert done(client, action, REMOTE_ADDR="192.0.2.7")["Location"] == "/actions/write/thanks/"
    assert participants(client, action) == 2
    with time_machine.travel(NOW + datetime.timedelta(days=1, minutes=1), tick=False):
        done(client, action)
    assert participants(client, action) == 3


def test_two_browsers_behind_one_address_count_apart(client):
    action = make_action(slug="write")
    done(client, action, HTTP_USER_AGENT="Phone A", HTTP_ACCEPT_LANGUAGE="kk")
    done(client, action, HTTP_USER_AGENT="Phone B", HTTP_ACCEPT_LANGUAGE="ru")
    done(client, action, HTTP_USER_AGENT="Phone A", HTTP_ACCEPT_LANGUAGE="kk")
    assert participants(client, action) == 2


def test_a_visitor_is_counted_in_the_language_of_the_page(client):
    action = make_action(slug="write")
    assert done(client, action)["Location"] == "/actions/write/thanks/"
    assert client.post("/kk/actions/write/done/", REMOTE_ADDR="192.0.2.8")["Location"] == "/kk/actions/write/thanks/"
    assert dict(Participation.objects.values_list("language", "count")) == {"en": 1, "kk": 1}
    assert set(Participation.objects.values_list("channel", flat=True)) == {Participation.Channel.VISITOR}


def test_the_thanks_page_shows_the_count_now_and_whether_they_were_counted_already(client):
    action = make_action(slug="write")
    count_participation(action, "ru", Participation.Channel.SUBSCRIBER)
    thanks = client.get(done(client, action)["Location"])
    assert "no-store" in thanks["Cache-Control"]
    html = thanks.content.decode()
    assert "You are one of 2 people who have taken part" in html and "already counted" not in html
    assert 'action="/subscribe/"' in html and f'name="campaign" value="{action.campaign.slug}"' in html
    assert "https://t.me/share/url?url=" in html
    assert "already counted" in page(client, done(client, action)["Location"])


def test_a_post_from_another_site_is_refused(client):
    action = make_action(slug="write")
    assert done(client, action, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert done(client, action, HTTP_ORIGIN="https://elsewhere.example").status_code == 403
    assert participants(client, action) == 0
    assert done(client, action, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin").status_code == 303
    assert participants(client, action) == 1


def test_the_thirty_first_post_in_an_hour_is_refused(client):
    action = make_action(slug="write")
    assert settings.ACTION_DONE_RATE_PER_IP == "30/h"
    assert all(done(client, action).status_code == 303 for _n in range(30))
    refused = done(client, action)
    assert refused.status_code == 429 and "<h1>Too many clicks</h1>" in refused.content.decode()
    assert participants(client, action) == 1


@pytest.mark.parametrize(
    ("fields", "when"),
    [
        ({"status": Action.Status.CLOSED}, NOW),
        ({}, datetime.datetime(2026, 12, 15, 19, tzinfo=datetime.UTC)),  # 00:00 in Almaty on the 16th
        ({"starts_on": datetime.date(2026, 12, 10)}, NOW),
    ],
    ids=["closed", "past-deadline", "not-yet-open"],
)
def test_a_post_on_an_action_not_open_now_does_not_count(client, fields, when):
    action = make_action(slug="write", **fields)
    with time_machine.travel(when, tick=False):
        html = page(client, "/actions/write/")
        refused = done(client, action)
    assert 'action="/actions/write/done/"' not in html
    assert refused.status_code == 409 and participants(client, action) == 0


def test_the_count_is_read_with_one_query(client, django_assert_num_queries):
    action = make_action(slug="write")
    count_participation(action, "en", Participation.Channel.VISITOR)
    count_participation(action, "kk", Participation.Channel.SUBSCRIBER)
    with django_assert_num_queries(1):
        assert participants(client, action) == 2


def test_the_page_counts_as_of_its_rendering_and_its_script_reads_the_count_now(client):
    action = make_action(slug="write")
    count_participation(action, "en", Participation.Channel.VISITOR)
    html = page(client, "/actions/write/")
    assert '<span id="participants" data-url="/actions/write/participants.json">1</span>' in html
    assert '<script src="/static/js/action.js" defer></script>' in html and "<script>" not in html


def test_the_pages_an_action_serves_offer_it_while_it_is_open(client):
    campaign = make_campaign(slug="justice")
    person = make_person(slug="erzhan", campaign=campaign)
    demand = make_demand(campaign=campaign, slug="release", people=[person])
    make_action(title="Write to the prosecutor", campaign=campaign, people=[person], demands=[demand])
    make_action(title="Closed one", campaign=campaign, people=[person], demands=[demand], status=Action.Status.CLOSED)
    for address in ("/", "/prisoners/erzhan/", "/demands/release/", "/campaigns/justice/"):
        html = page(client, address)
        block = html.split('aria-labelledby="take-action-heading"', 1)[1].split("</section>", 1)[0]
        assert "Write to the prosecutor" in block and "Closed one" not in block, address
        assert '<time datetime="2026-12-15">15 December 2026</time>' in block, address


def test_the_pages_have_no_take_action_block_without_an_open_action(client):
    make_person(slug="erzhan")
    make_action(status=Action.Status.CLOSED)
    for address in ("/", "/prisoners/erzhan/"):
        assert "take-action-heading" not in page(client, address)


def test_the_home_page_offers_the_three_soonest_open_actions(client):
    for day in (14, 12, 13, 11):
        make_action(title=f"Due on the {day}th", deadline=datetime.date(2026, 12, day))
    block = page(client, "/").split('aria-labelledby="take-action-heading"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r"Due on the (\d+)th", block) == ["11", "12", "13"]


def test_the_sitemap_lists_each_public_action_in_every_language(client):
    make_action(slug="write")
    make_action(slug="draft", visibility=Visibility.DRAFT)
    listed = page(client, "/sitemap-actions-1.xml")
    for prefix in ("", "/ru", "/kk"):
        assert f"<loc>{settings.SITE_URL}{prefix}/actions/write/</loc>" in listed
    assert 'hreflang="x-default"' in listed and "/actions/draft/" not in listed
    assert f"<loc>{settings.SITE_URL}/kk/actions/</loc>" in page(client, "/sitemap-pages-1.xml")


@pytest.mark.django_db(transaction=True)  # the cache's version is bumped on commit
def test_the_action_page_is_cached_for_visitors_and_a_click_still_counts(settings, django_assert_num_queries):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    action = make_action(slug="write")
    first = Client().get("/ru/actions/write/")
    assert first.status_code == 200 and not first.cookies and "public" in first["Cache-Control"]
    with django_assert_num_queries(0):
        again = Client().get("/ru/actions/write/")
    assert again.content == first.content
    visitor = Client()
    assert visitor.post("/ru/actions/write/done/")["Location"] == "/ru/actions/write/thanks/"
    assert participants(visitor, action) == 1
    thanks = visitor.get("/ru/actions/write/thanks/")
    assert re.search(r'id="took-part">[^<]*\b1\b', thanks.content.decode()) and "no-store" in thanks["Cache-Control"]
    visitor.post("/ru/actions/write/done/")
    assert participants(visitor, action) == 1
    # A click is not a change of the public record: the page stays cached, its script reads the count.
    with django_assert_num_queries(0):
        assert Client().get("/ru/actions/write/").content == first.content
