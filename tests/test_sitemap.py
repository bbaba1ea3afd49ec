"""The sitemap: an index of pages of at most 50,000 addresses, each public page in every language."""

import re

import pytest
from django.conf import settings

from pages import sitemaps
from prisoners.models import Consent

from .factories import make_demand, make_person

pytestmark = pytest.mark.django_db


def locations(client, address):
    response = client.get(address)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    return re.findall(rf"<loc>{re.escape(settings.SITE_URL)}([^<]*)</loc>", response.content.decode())


def test_the_index_names_one_page_per_section_while_each_fits(client):
    make_person()
    assert locations(client, "/sitemap.xml") == [
        "/sitemap-pages-1.xml",
        "/sitemap-campaigns-1.xml",
        "/sitemap-people-1.xml",
        "/sitemap-demands-1.xml",
        "/sitemap-actions-1.xml",
    ]


def test_a_section_larger_than_a_page_is_split_and_nothing_is_left_out(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "PER_PAGE", 2)
    people = [make_person(slug=f"someone-{n}") for n in range(5)]
    pages = [loc for loc in locations(client, "/sitemap.xml") if "people" in loc]
    assert pages == ["/sitemap-people-1.xml", "/sitemap-people-2.xml", "/sitemap-people-3.xml"]
    listed = [loc for page in pages for loc in locations(client, page) if not loc.startswith(("/ru/", "/kk/"))]
    assert sorted(listed) == sorted(person.get_absolute_url() for person in people)
    assert client.get("/sitemap-people-4.xml").status_code == 404


@pytest.mark.parametrize("address", ["/sitemap-secrets-1.xml", "/sitemap-pages-2.xml", "/sitemap-people-0.xml"])
def test_a_page_that_does_not_exist_is_a_404(client, address):
    assert client.get(address).status_code == 404


def test_the_overview_pages_are_listed_in_every_language(client):
    listed = locations(client, "/sitemap-pages-1.xml")
    for address in ("/", "/prisoners/", "/demands/", "/statistics/", "/calendar/"):
        assert {address, f"/ru{address}", f"/kk{address}"} <= set(listed)


def test_an_anonymised_person_is_listed_by_their_public_address_only(client):
    person = make_person(name="Ruslan Tolegenov", slug="ruslan-tolegenov", consent=Consent.ANONYMISED)
    page = client.get("/sitemap-people-1.xml").content.decode()
    assert f"/prisoners/anonymous-{person.pk}/" in page and "tolegenov" not in page


def test_demands_are_listed_with_the_day_they_last_changed(client):
    demand = make_demand(slug="commission")
    page = client.get("/sitemap-demands-1.xml").content.decode()
    changed = demand.updated_at.date().isoformat()
    assert f"<loc>{settings.SITE_URL}/demands/commission/</loc><lastmod>{changed}</lastmod>" in page


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("?page=2", "/prisoners/?page=2"),
        ("?page=1", "/prisoners/"),
        ("?status=imprisoned&page=2", "/prisoners/?page=2"),
        ("?page=x", "/prisoners/"),
    ],
)
def test_a_list_page_names_itself_as_canonical_page_number_included(client, query, canonical):
    for n in range(21):
        make_person(name=f"Person Number{n:02d}")
    page = client.get(f"/prisoners/{query}").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}{canonical}">' in page
