"""CSV and JSON exports of the people and demands lists (api/exports.py)."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.publishing import Visibility
from prisoners.models import Consent, Status

from .factories import make_campaign, make_demand, make_event, make_person, make_sentence, make_source

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response_or_bytes):
    raw = response_or_bytes if isinstance(response_or_bytes, bytes) else body(response_or_bytes)
    text = raw.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def json_rows(response):
    return json.loads(body(response))


def listed(client, path, query=""):
    """The addresses the HTML list shows for a query, page after page."""
    shown, number = [], 1
    while True:
        page = client.get(f"{path}?{query}&page={number}").context["page"]
        shown += [record.slug for record in page]
        if not page.has_next():
            return shown
        number += 1


def test_people_export_has_every_page_of_the_filtered_list_in_its_order(client):
    campaign, other = make_campaign(), make_campaign()
    for n in range(23):
        make_person(
            name=f"Person {n:02d} Test", campaign=campaign, status=Status.IMPRISONED if n % 2 else Status.RELEASED
        )
    make_person(consent=Consent.ANONYMISED, campaign=campaign, status=Status.IMPRISONED)
    make_person(campaign=other, status=Status.IMPRISONED)
    query = f"campaign={campaign.slug}&status=imprisoned"
    expected = listed(client, "/prisoners/", query)
    assert len(expected) == 12

    assert [row["address"] for row in csv_rows(client.get(f"/prisoners/export.csv?{query}"))] == expected
    assert [row["address"] for row in json_rows(client.get(f"/prisoners/export.json?{query}&page=2"))] == expected


def test_demands_export_matches_the_filtered_list(client):
    campaign = make_campaign()
    for n in range(22):
        make_demand(campaign=campaign, title=f"Demand {n:02d}")
    make_demand(title="Elsewhere")
    query = f"campaign={campaign.slug}"
    expected = listed(client, "/demands/", query)
    assert len(expected) == 22
    assert [row["address"] for row in csv_rows(client.get(f"/demands/export.csv?{query}"))] == expected
    assert [row["address"] for row in json_rows(client.get(f"/demands/export.json?{query}"))] == expected


@pytest.mark.parametrize(
    "path",
    [
        "/prisoners/export.csv?status=nonsense",
        "/prisoners/export.json?campaign=nowhere",
        "/demands/export.csv?kind=nonsense",
        "/demands/export.json?status=nonsense",
    ],
)
def test_a_bad_filter_answers_400_and_no_rows(client, path):
    make_person()
    make_demand()
    response = client.get(path)
    assert response.status_code == 400
    assert list(json.loads(response.content)) == ["errors"]


def test_csv_opens_in_a_spreadsheet_and_neutralises_formulas(client):
    make_person(name='=HYPERLINK("http://evil")', summary="+1 cmd", occupation="-2+3", region="@SUM(A1)", facility="x")
    make_person(name="Tab Person", summary="\tstarts with a tab", occupation="\rreturn")
    response = client.get("/prisoners/export.csv")
    raw = body(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="people.csv"' == response["Content-Disposition"]
    assert raw.startswith(b"\xef\xbb\xbfaddress,name,")
    assert raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    rows = {row["address"]: row for row in csv_rows(raw)}
    evil = next(row for row in rows.values() if "HYPERLINK" in row["name"])
    assert evil["name"] == '\'=HYPERLINK("http://evil")'
    assert (evil["summary"], evil["occupation"], evil["region"]) == ("'+1 cmd", "'-2+3", "'@SUM(A1)")
    tab = next(row for row in rows.values() if row["name"] == "Tab Person")
    assert (tab["summary"], tab["occupation"]) == ("'\tstarts with a tab", "'\rreturn")


def test_drafts_withdrawn_and_archived_people_are_not_exported(client):
    make_person(name="Shown Person")
    make_person(name="Draft Person", visibility=Visibility.DRAFT)
    make_person(name="Archived Person", visibility=Visibility.ARCHIVED, archive_reason="risk")
    make_person(name="Withdrawn Person", consent=Consent.WITHDRAWN)
    for fmt in ("csv", "json"):
        text = body(client.get(f"/prisoners/export.{fmt}")).decode()
        assert "Shown Person" in text
        assert "Draft" not in text and "Archived" not in text and "Withdrawn" not in text


def test_demands_of_a_draft_campaign_are_not_exported(client):
    make_demand(title="Public demand")
    make_demand(title="Hidden demand", campaign=make_campaign(visibility=Visibility.DRAFT))
    text = body(client.get("/demands/export.json")).decode()
    assert "Public demand" in text and "Hidden demand" not in text


def test_an_anonymised_person_is_exported_as_initials_only(client):
    person = make_person(
        name="Secret Name",
        native_name="Тайное Имя",
        consent=Consent.ANONYMISED,
        summary="Held [[in Zhanaozen colony 12]].",
        aliases=["Sekret"],
    )
    make_event(person, sources=[make_source(title="Names them")])
    make_demand(people=[person])
    for path in ("/prisoners/export.csv", "/prisoners/export.json", "/demands/export.csv", "/demands/export.json"):
        text = body(client.get(path)).decode()
        assert "S. N." in text
        assert f"anonymous-{person.pk}" in text or path == "/demands/export.csv"  # a CSV cell names people only
        for secret in ("Secret", "Тайное", "Sekret", "Zhanaozen colony", "person-", "Names them"):
            assert secret not in text, (path, secret)


def test_list_pages_link_to_their_exports_with_the_current_filter(client):
    campaign = make_campaign()
    make_person(campaign=campaign)
    make_demand(campaign=campaign)
    page = client.get(f"/prisoners/?campaign={campaign.slug}&page=1").content.decode()
    assert f'href="/prisoners/export.csv?campaign={campaign.slug}"' in page
    assert f'href="/prisoners/export.json?campaign={campaign.slug}"' in page
    assert 'href="/demands/export.csv"' in client.get("/demands/").content.decode()


def test_a_bad_filter_offers_no_export(client):
    assert "export.csv" not in client.get("/prisoners/?status=nonsense").content.decode()


def _export_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        body(response)
    return len(queries)


@pytest.mark.parametrize("path", ["/prisoners/export.csv", "/prisoners/export.json", "/demands/export.csv"])
def test_an_export_takes_as_many_queries_for_50_rows_as_for_5(client, path):
    def add(count):
        campaign = make_campaign()
        for _ in range(count):
            person = make_person(campaign=campaign, status=Status.IMPRISONED, arrested_on="2012-01-01")
            make_sentence(person, years=3)
            make_demand(campaign=campaign, people=[person])

    add(5)
    few = _export_queries(client, path)
    add(45)
    assert _export_queries(client, path) == few


def test_exports_are_rate_limited_per_address(client, settings):
    settings.EXPORT_RATE_PER_IP = "2/m"
    make_person()
    assert client.get("/prisoners/export.csv").status_code == 200
    assert client.get("/demands/export.json").status_code == 200
    response = client.get("/prisoners/export.csv")
    assert response.status_code == 429
    assert "detail" in json.loads(response.content)
    assert client.get("/prisoners/export.csv", REMOTE_ADDR="10.0.0.9").status_code == 200
