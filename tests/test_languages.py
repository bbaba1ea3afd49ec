"""Addresses per language: English where it always was, Russian under /ru/, Kazakh under /kk/."""

import datetime

import pytest

from .factories import make_person

pytestmark = pytest.mark.django_db
PAGE = "text/html,application/xhtml+xml,*/*;q=0.8"  # what a browser asks for when it opens a page


@pytest.fixture
def person():
    return make_person(name="Erzhan Elshibayev", slug="erzhan-elshibayev", arrested_on=datetime.date(2019, 12, 16))


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/prisoners/erzhan-elshibayev/", "en"),
        ("/ru/prisoners/erzhan-elshibayev/", "ru"),
        ("/kk/prisoners/erzhan-elshibayev/", "kk"),
    ],
)
def test_each_language_has_its_address(client, person, path, lang):
    assert f'<html lang="{lang}">' in client.get(path).content.decode()


def test_every_page_names_its_alternates_in_every_language(client, person, settings):
    page = client.get("/kk/prisoners/erzhan-elshibayev/").content.decode()
    for lang, prefix in (("en", ""), ("ru", "/ru"), ("kk", "/kk"), ("x-default", "")):
        assert f'hreflang="{lang}" href="{settings.SITE_URL}{prefix}/prisoners/erzhan-elshibayev/"' in page
    assert f'rel="canonical" href="{settings.SITE_URL}/kk/prisoners/erzhan-elshibayev/"' in page


def test_the_sitemap_lists_every_language_with_alternates(client, person, settings):
    index = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{settings.SITE_URL}/sitemap-people-1.xml</loc>" in index
    sitemap = client.get("/sitemap-people-1.xml").content.decode()
    for prefix in ("", "/ru", "/kk"):
        assert f"<loc>{settings.SITE_URL}{prefix}/prisoners/erzhan-elshibayev/</loc>" in sitemap
    assert f'hreflang="x-default" href="{settings.SITE_URL}/prisoners/erzhan-elshibayev/"' in sitemap


def test_a_first_visit_follows_the_browser(client, person):
    response = client.get(
        "/prisoners/erzhan-elshibayev/?x=1", HTTP_ACCEPT_LANGUAGE="kk-KZ,kk;q=0.9,ru;q=0.8", HTTP_ACCEPT=PAGE
    )
    assert response.status_code == 302 and response["Location"] == "/kk/prisoners/erzhan-elshibayev/?x=1"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("accept", ["", "en-GB,en;q=0.9", "de-DE"])
def test_english_and_unknown_browsers_stay_on_english(client, person, accept):
    assert client.get("/prisoners/erzhan-elshibayev/", HTTP_ACCEPT_LANGUAGE=accept, HTTP_ACCEPT=PAGE).status_code == 200


@pytest.mark.parametrize("path", ["/prisoners/erzhan-elshibayev/card.png", "/feed/", "/calendar.ics"])
def test_files_fetched_by_programs_stay_what_their_address_says(client, person, path):
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="ru", HTTP_ACCEPT="*/*").status_code == 200


def test_a_prefixed_address_shows_its_language_whatever_the_reader_chose(client, person):
    client.post("/i18n/setlang/", {"language": "kk", "next": "/"})
    assert '<html lang="ru">' in client.get("/ru/prisoners/erzhan-elshibayev/").content.decode()


@pytest.mark.parametrize("path", ["/api/people/", "/robots.txt", "/sitemap.xml"])
def test_machine_addresses_have_no_language_and_are_never_redirected(client, path):
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="ru", HTTP_ACCEPT=PAGE).status_code == 200
    assert client.get(f"/ru{path}").status_code == 404


@pytest.mark.parametrize("path", ["/prisoners/export.csv", "/prisoners/export.json", "/demands/export.csv"])
def test_exports_have_an_address_per_language_and_are_never_redirected(client, person, path, settings):
    # A spreadsheet that fetches the English file keeps getting it, whatever its browser prefers.
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="ru", HTTP_ACCEPT=PAGE).status_code == 200
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"  # the reader chose Kazakh in the switcher
    response = client.get(path, HTTP_ACCEPT=PAGE)
    assert response.status_code == 200 and response["Content-Language"] == "en"
    for language in ("ru", "kk"):
        response = client.get(f"/{language}{path}", HTTP_ACCEPT=PAGE)
        assert response.status_code == 200 and response["Content-Language"] == language


def test_links_on_a_russian_page_stay_in_russian(client, person):
    page = client.get("/ru/prisoners/").content.decode()
    assert 'href="/ru/prisoners/erzhan-elshibayev/"' in page and 'href="/ru/demands/"' in page


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/prisoners/erzhan-elshibayev/", "16 December 2019"),
        ("/ru/prisoners/erzhan-elshibayev/", "16 декабря 2019"),
        ("/kk/prisoners/erzhan-elshibayev/", "2019 ж. 16"),
    ],
)
def test_dates_are_written_the_local_way(client, person, path, shown):
    assert shown in client.get(path).content.decode()
