"""Atom feeds of updates, robots.txt, the favicon and canonical links."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.test import Client

from core.publishing import Visibility
from core.status import record_status_change
from prisoners.models import Consent, Status

from .factories import make_campaign, make_demand, make_event, make_person

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/feed/", "/campaigns/zh/feed/", "/prisoners/erzhan/feed/", "/demands/release-erzhan/feed/"]


def entries(address):
    response = Client().get(address)
    assert response.status_code == 200, address
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed, from the test server)
    assert feed.tag == f"{ATOM}feed"
    return [
        (entry.findtext(f"{ATOM}title"), entry.findtext(f"{ATOM}id"), entry.find(f"{ATOM}link").get("href"))
        for entry in feed.iter(f"{ATOM}entry")
    ]


@pytest.fixture
def record():
    campaign = make_campaign(name="Justice for Zhanaozen", slug="zh")
    person = make_person(name="Erzhan Elshibayev", slug="erzhan", status=Status.DETAINED, campaign=campaign)
    record_status_change(person, Status.IMPRISONED, note="Sentenced", source_url="https://example.org/v")
    make_event(person, title="Moved to a colony in Pavlodar", date=datetime.date(2020, 3, 1))
    demand = make_demand(campaign=campaign, title="Release Erzhan", slug="release-erzhan", people=[person])
    draft = make_person(name="Draft Person", slug="draft", visibility=Visibility.DRAFT, campaign=campaign)
    make_event(draft, title="Secret transfer")
    hidden = make_event(person, title="Hidden from the public", is_public=False)
    return {"campaign": campaign, "person": person, "demand": demand, "hidden": hidden}


def test_the_site_feed_has_status_changes_events_and_demand_updates_and_nothing_private(record):
    titles = [title for title, _id, _link in entries("/feed/")]
    assert "Erzhan Elshibayev: status now Convicted and imprisoned" in titles
    assert "Erzhan Elshibayev: Moved to a colony in Pavlodar" in titles
    assert "Release Erzhan: added to the tracker" in titles
    text = " ".join(titles)
    assert "Draft Person" not in text and "Secret transfer" not in text and "Hidden from the public" not in text


def test_each_page_has_its_own_feed_and_announces_it(record):
    person_titles = [title for title, _id, _link in entries("/prisoners/erzhan/feed/")]
    assert person_titles and all(title.startswith("Erzhan Elshibayev:") for title in person_titles)
    assert [title for title, _id, _link in entries("/demands/release-erzhan/feed/")] == [
        "Release Erzhan: added to the tracker"
    ]
    assert "Release Erzhan: added to the tracker" in [title for title, *_ in entries("/campaigns/zh/feed/")]
    for page, feed in (
        ("/prisoners/erzhan/", "/prisoners/erzhan/feed/"),
        ("/demands/release-erzhan/", "/demands/release-erzhan/feed/"),
        ("/campaigns/zh/", "/campaigns/zh/feed/"),
        ("/", "/feed/"),
    ):
        html = Client().get(page).content.decode()
        assert 'type="application/atom+xml"' in html and f'href="{feed}"' in html, page


def test_entry_ids_are_stable_tags_and_links_point_at_the_page(record):
    first = entries("/feed/")
    assert first == entries("/feed/")
    assert all(entry_id.startswith("tag:") for _title, entry_id, _link in first)
    assert any(link.endswith("/prisoners/erzhan/#timeline-heading") for _title, _id, link in first)


def parsed(address):
    response = Client().get(address)
    assert response.status_code == 200, address
    return feedparser.parse(response.content, response_headers={"content-type": response["Content-Type"]})


@pytest.mark.parametrize("language", ["", "/ru", "/kk"])
@pytest.mark.parametrize("address", FEEDS)
def test_every_feed_is_well_formed_atom_with_its_publisher_and_complete_entries(record, language, address):
    feed = parsed(language + address)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.author_detail.name and feed.feed.author_detail.href.startswith("http")
    assert feed.feed.id and feed.feed.title and feed.feed.updated_parsed
    assert feed.entries
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated_parsed and entry.link


def test_the_publisher_is_named_in_the_feeds_language(record):
    assert parsed("/feed/").feed.author_detail == {"name": "Zhanaozen tracker", "href": "http://127.0.0.1:8000/"}
    assert parsed("/ru/campaigns/zh/feed/").feed.author_detail == {
        "name": "Трекер Жанаозена",
        "href": "http://127.0.0.1:8000/ru/",
    }


def test_an_entry_has_its_own_id_in_each_language_and_english_keeps_the_ids_it_had(record):
    ids = {language: [entry.id for entry in parsed(f"{language}/feed/").entries] for language in ("", "/ru", "/kk")}
    assert ids[""] == [entry.id for entry in parsed("/feed/").entries]
    assert len(set(ids[""])) == len(ids[""])
    for language in ("ru", "kk"):
        assert ids[f"/{language}"] == [entry_id.replace(",2026:", f",2026:{language}/") for entry_id in ids[""]]


def test_feeds_of_drafts_and_unknown_records_are_404():
    make_person(slug="draft", visibility=Visibility.DRAFT)
    make_demand(slug="draft-demand", visibility=Visibility.DRAFT)
    for address in ("/prisoners/draft/feed/", "/demands/draft-demand/feed/", "/campaigns/nowhere/feed/"):
        assert Client().get(address).status_code == 404, address


def test_an_anonymised_person_is_initials_in_every_feed():
    campaign = make_campaign(slug="zh")
    person = make_person(name="Roza Tuletayeva", slug="roza", consent=Consent.ANONYMISED, campaign=campaign)
    make_event(person, title="Moved to [[Aktau]]")
    for address in ("/feed/", "/campaigns/zh/feed/", f"/prisoners/anonymous-{person.pk}/feed/"):
        text = Client().get(address).content.decode()
        assert "R. T." in text and "Roza" not in text and "Aktau" not in text and "/prisoners/roza/" not in text
    assert Client().get("/prisoners/roza/feed/").status_code == 404


def test_robots_txt_points_at_the_sitemap_and_not_at_the_admin(client, settings):
    settings.ADMIN_URL = "office-7f3a/"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http" in text and text.rstrip().endswith("/sitemap.xml")
    assert "office-7f3a" not in text and "Disallow: /unsubscribe/" in text


def test_the_favicon_is_found_and_pages_name_their_canonical_address(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
    make_person(slug="p")
    assert (
        '<link rel="canonical" href="http://127.0.0.1:8000/prisoners/p/">'
        in client.get("/prisoners/p/?x=1").content.decode()
    )


# Letters ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"status": Status.IMPRISONED, "postal_address": "Colony 12, Box 5"}, "Letters can reach them now"),
        ({"status": Status.DETAINED}, "we do not have an address to publish yet"),
        (
            {"status": Status.RELEASED, "postal_address": "Colony 12, Box 5"},
            "a letter to a prison would not reach them",
        ),
    ],
)
def test_each_profile_says_whether_letters_can_reach_the_person_now(client, fields, says):
    make_person(slug="p", **fields)
    page = client.get("/prisoners/p/").content.decode()
    assert says in page
    assert ("Colony 12" in page) is (fields["status"] == Status.IMPRISONED)
    assert ("How to write to a prisoner: what to say" in page) is (fields["status"] != Status.RELEASED)


def test_the_letter_writing_guide_covers_language_what_to_avoid_what_not_to_send_and_censorship(client):
    page = client.get("/write/").content.decode()
    for heading in ("Which language", "What to write", "What to avoid", "What not to send", "How letters are read"):
        assert heading in page
