"""Pages that show a page of a large record, never all of it."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection

from api import schemas
from campaigns import views as campaign_views
from core import listing
from core.tasks import refresh_planner_statistics
from demands import views as demand_views
from prisoners.filters import PrisonerFilter
from prisoners.models import Consent, Prisoner, Status

from .factories import make_action, make_campaign, make_demand, make_key_date, make_person

pytestmark = pytest.mark.django_db


def test_a_campaign_page_names_a_page_of_its_people_counts_them_all_and_leads_to_the_rest(client, monkeypatch):
    monkeypatch.setattr(campaign_views, "PEOPLE_SHOWN", 3)
    campaign = make_campaign(slug="zh")
    for n in range(5):
        make_person(name=f"Person {n}", campaign=campaign, status=Status.IMPRISONED if n < 2 else Status.RELEASED)
    page = client.get("/campaigns/zh/").content.decode()
    assert sum(f"Person {n}</a>" in page for n in range(5)) == 3
    assert '<span class="big-number">5</span>' in page and '<span class="big-number">2</span>' in page
    assert 'href="/prisoners/?campaign=zh">See all 5 people' in page
    russian = client.get("/ru/campaigns/zh/").content.decode()
    assert 'href="/ru/prisoners/?campaign=zh">Все 5 человек' in russian


def test_a_demand_page_shows_its_people_a_page_at_a_time(client, monkeypatch):
    monkeypatch.setattr(demand_views, "PEOPLE_SHOWN", 2)
    people = [make_person(name=f"Person {n}") for n in range(3)]
    people.append(make_person(name="Roza Tuletaeva", consent=Consent.ANONYMISED))
    make_demand(slug="free", people=people)
    first = client.get("/demands/free/").content.decode()
    second = client.get("/demands/free/?page=2").content.decode()
    assert "People concerned (4)" in first and 'rel="next" href="?page=2"' in first
    shown = [n for n in range(3) if f"Person {n}</a>" in first + second]
    assert shown == [0, 1, 2] and "R. T." in second and "Tuletaeva" not in first + second


def test_the_demand_list_names_ten_people_a_demand_and_says_there_are_more(client):
    make_demand(slug="free", people=[make_person(name=f"Person {n:02d}") for n in range(12)])
    page = client.get("/demands/").content.decode()
    assert sum(f"Person {n:02d}</a>" in page for n in range(12)) == 10
    assert 'href="/demands/free/#people-heading">and more</a>' in page


def test_the_api_names_a_page_of_a_records_people_and_counts_them_all(client, monkeypatch):
    monkeypatch.setattr(schemas, "PEOPLE_SHOWN", 2)
    people = [make_person(name=f"Person {n}") for n in range(2)]
    people.append(make_person(name="Roza Tuletaeva", consent=Consent.ANONYMISED))
    people.append(make_person(name="Draft Person", visibility="draft"))
    demand = make_demand(slug="free", people=people)
    key_date = make_key_date(campaign=demand.campaign)
    key_date.prisoners.set(people)
    make_action(campaign=demand.campaign, people=people)
    for path in ("/api/demands/", "/api/key-dates/", "/api/actions/"):
        [record] = client.get(path).json()["results"]
        assert (len(record["people"]), record["people_count"]) == (2, 3), path
    first = client.get("/api/demands/free/").json()
    second = client.get("/api/demands/free/?people_page=2").json()
    assert (first["people_count"], first["people_page"], first["people_pages"]) == (3, 1, 2)
    assert [p["name"] for p in first["people"] + second["people"]] == ["Person 0", "Person 1", "R. T."]
    assert client.get("/api/demands/free/?people_page=3").json()["detail"] == (
        "No such page: this demand's people fill 2 pages."
    )
    for bad in ("0", "x", "+1"):
        response = client.get(f"/api/demands/free/?people_page={bad}")
        assert response.status_code == 400 and "people_page" in response.json()["errors"]
    assert client.get("/api/demands/nowhere/?people_page=x").status_code == 404
    # An export names every person of a row.
    [row] = json.loads(b"".join(client.get("/demands/export.json").streaming_content))
    assert (len(row["people"]), row["people_count"]) == (3, 3)


def test_a_broad_filter_counts_a_thousand_matches_and_asks_for_a_narrower_one(client, monkeypatch, settings):
    monkeypatch.setattr(listing, "COUNTED", 3)
    settings.KEEP_FIGURES = True
    for n in range(5):
        make_person(name=f"Person {n}", status=Status.IMPRISONED)
    make_person(name="Person Released", status=Status.RELEASED)
    broad = client.get("/prisoners/?status=imprisoned").content.decode()
    assert "More than 3 people found: add a filter or a name to narrow them down." in broad
    assert "1 person found" in client.get("/prisoners/?status=released").content.decode()
    # The whole list's length is known (a figure kept per version of the record): said exactly.
    assert "6 people found" in client.get("/prisoners/").content.decode()
    assert "Найдено больше 3 человек" in client.get("/ru/prisoners/?status=imprisoned").content.decode()


def test_a_region_few_people_come_from_is_counted_through_its_own_index(client):
    call_command("make_synthetic_people", "300", stdout=io.StringIO())
    Prisoner.objects.filter(pk__in=Prisoner.objects.order_by("pk")[:3]).update(region="Kostanay", region_en="Kostanay")
    refresh_planner_statistics()
    rows = PrisonerFilter({"region": "Kostanay"}, queryset=Prisoner.objects.published()).qs
    held = PrisonerFilter({"region": "Almaty", "status": "imprisoned"}, queryset=Prisoner.objects.published()).qs
    # Not the list's order index walked to the end (every person read to find three), nor a scan.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # 300 rows fit in a few pages, which PostgreSQL would rather read whole; at 100,000 it would not.
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert "prisoner_region" in rows[:20].explain()
        # A region's people of one status: counted from the matches alone (migration 0024).
        assert "prisoner_region_status" in held.order_by()[:1001].explain()
    else:
        # SQLite's statistics know only a region's average share: its page of a broad combination walks the
        # list's order rather than sort every match; its count, the dearer part for few matches, takes the index.
        assert "prisoner_list_en" in held[:20].explain()
    assert "prisoner_region" in rows.order_by()[:1001].explain()
    page = client.get("/prisoners/?region=Kostanay").content.decode()
    assert page.count('<li class="card">') == 3 and "3 people found" in page
