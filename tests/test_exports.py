"""CSV and JSON exports of the people and demands lists (api/exports.py)."""

import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from api.schemas import DemandOut, Person
from core.publishing import Visibility
from demands import columns as demand_columns
from demands.models import Demand
from demands.models import Status as DemandStatus
from prisoners import columns as people_columns
from prisoners.models import Consent, Status

from .factories import (
    make_campaign,
    make_demand,
    make_event,
    make_organisation,
    make_person,
    make_sentence,
    make_source,
)

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
        name_ru="Секретное Имя",
        name_kk="Құпия Есім",
        native_name="Тайное Имя",
        consent=Consent.ANONYMISED,
        summary="Held [[in Zhanaozen colony 12]].",
        summary_ru="Содержится [[в колонии 12]].",
        aliases=["Sekret"],
    )
    make_event(person, sources=[make_source(title="Names them")])
    make_demand(people=[person])
    exports = ("/prisoners/export.csv", "/prisoners/export.json", "/demands/export.csv", "/demands/export.json")
    initials = {"": "S. N.", "/ru": "С. И.", "/kk": "Қ. Е."}  # from the name in the reader's language
    for prefix, path in ((prefix, f"{prefix}{export}") for prefix in initials for export in exports):
        text = body(client.get(path)).decode()
        assert initials[prefix] in text, path
        assert f"anonymous-{person.pk}" in text or path.endswith("/demands/export.csv")  # a CSV cell names people only
        for secret in ("Secret", "Тайное", "Секретное", "Құпия", "Sekret", "Zhanaozen colony", "колонии", "Names them"):
            assert secret not in text, (path, secret)
        assert "person-" not in text, path


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


# In the reader's language: /ru/ and /kk/ exports.

RUSSIAN_AND_KAZAKH = [
    # language, the heading of status_label and its value for an imprisoned person, "Month only"
    ("ru", "Статус", "В заключении по приговору", "Только месяц"),
    ("kk", "Мәртебесі", "Сотталған, бас бостандығынан айырылған", "Тек ай"),
]


@pytest.fixture
def roza():
    return make_person(
        name="Roza Tuletaeva",
        slug="roza-tuletaeva",
        name_ru="Роза Тулетаева",
        name_kk="Роза Төлетаева",
        status=Status.IMPRISONED,
        region="Mangystau",
        region_ru="Мангистау",
        region_kk="Маңғыстау",
        occupation="Oil worker",  # no rendering: the Russian and Kazakh files show the English
        arrested_on=datetime.date(2012, 1, 1),
        arrested_on_precision="month",
        affiliation=make_organisation(name="Oil Workers' Union", name_ru="Профсоюз нефтяников"),
    )


def test_every_exported_column_has_a_heading_of_its_own_in_each_language():
    for schema, headings in ((Person, people_columns.HEADINGS), (DemandOut, demand_columns.HEADINGS)):
        assert list(headings) == list(schema.model_fields)
        for language in ("ru", "kk"):
            with translation.override(language):
                shown = [str(heading) for heading in headings.values()]
            assert len(set(shown)) == len(shown), language
            assert all(not any("a" <= letter.lower() <= "z" for letter in heading) for heading in shown), shown


@pytest.mark.parametrize(("language", "status_heading", "imprisoned", "month_only"), RUSSIAN_AND_KAZAKH)
def test_the_people_csv_is_in_the_language_of_its_address(
    client, roza, language, status_heading, imprisoned, month_only
):
    response = client.get(f"/{language}/prisoners/export.csv")
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    [row] = csv_rows(response)
    with translation.override(language):
        headings = {column: str(heading) for column, heading in people_columns.HEADINGS.items()}
    assert list(row) == list(headings.values())
    cell = {column: row[heading] for column, heading in headings.items()}
    assert headings["status_label"] == status_heading
    assert (cell["status"], cell["status_label"]) == (
        "imprisoned",
        imprisoned,
    )  # the code stays, its label is translated
    assert (cell["arrested_on"], cell["arrested_on_precision"]) == ("2012-01-01", month_only)
    assert cell["name"] == (roza.name_ru if language == "ru" else roza.name_kk)
    assert cell["region"] == (roza.region_ru if language == "ru" else roza.region_kk)
    assert cell["occupation"] == "Oil worker"  # modeltranslation's fallback: the English
    assert cell["organisation"] == ("Профсоюз нефтяников" if language == "ru" else "Oil Workers' Union")
    assert cell["url"].endswith(f"/{language}/prisoners/roza-tuletaeva/")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_demands_csv_is_in_the_language_of_its_address(client, roza, language):
    make_demand(title="Free Roza", title_ru="Свободу Розе", kind=Demand.Kind.RELEASE, people=[roza])
    response = client.get(f"/{language}/demands/export.csv")
    assert response.status_code == 200 and response["Content-Language"] == language
    [row] = csv_rows(response)
    with translation.override(language):
        headings = {column: str(heading) for column, heading in demand_columns.HEADINGS.items()}
        kind, status = str(Demand.Kind.RELEASE.label), str(DemandStatus.OUTSTANDING.label)
    assert list(row) == list(headings.values())
    cell = {column: row[heading] for column, heading in headings.items()}
    assert (cell["kind"], cell["kind_label"]) == ("release", kind)
    assert (cell["status"], cell["status_label"]) == ("outstanding", status)
    assert kind in ("Освобождение человека", "Адамды босату") and status in ("Не выполнено", "Орындалмаған")
    assert cell["title"] == ("Свободу Розе" if language == "ru" else "Free Roza")
    assert cell["people"] == (roza.name_ru if language == "ru" else roza.name_kk)


def test_the_english_csv_is_as_it_always_was(client, roza, settings):
    response = client.get("/prisoners/export.csv")
    assert response["Content-Language"] == "en"
    assert body(response).decode() == (
        "\ufeffaddress,name,native_name,status,status_label,summary,country,region,occupation,organisation,"
        "arrested_on,arrested_on_precision,released_on,released_on_precision,died_on,died_on_precision,"
        "expected_release,expected_release_precision,campaigns,last_verified_on,url\r\n"
        "roza-tuletaeva,Roza Tuletaeva,,imprisoned,Convicted and imprisoned,,Kazakhstan,Mangystau,Oil worker,"
        f"Oil Workers' Union,2012-01-01,month,,day,,day,,day,,,{settings.SITE_URL}/prisoners/roza-tuletaeva/\r\n"
    )


@pytest.mark.parametrize(("language", "status_heading", "imprisoned", "month_only"), RUSSIAN_AND_KAZAKH)
def test_the_json_keeps_its_keys_and_codes_and_translates_its_labels(
    client, roza, language, status_heading, imprisoned, month_only
):
    make_demand(kind=Demand.Kind.RELEASE, people=[roza])
    for path, schema in (("/prisoners/export.json", Person), ("/demands/export.json", DemandOut)):
        english = json_rows(client.get(path))
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200 and response["Content-Language"] == language
        translated = json_rows(response)
        assert [list(row) for row in translated] == [list(row) for row in english] == [list(schema.model_fields)]
        codes = [
            key for key in english[0] if key in ("address", "status", "kind", "campaign", "campaigns", "arrested_on")
        ]
        codes += [key for key in english[0] if key.endswith(("_on", "_precision", "expected_release"))]
        assert {key: translated[0][key] for key in codes} == {key: english[0][key] for key in codes}
    [person] = json_rows(client.get(f"/{language}/prisoners/export.json"))
    assert (person["status"], person["status_label"], person["arrested_on_precision"]) == (
        "imprisoned",
        imprisoned,
        "month",
    )
    assert person["region"] == (roza.region_ru if language == "ru" else roza.region_kk)
    [demand] = json_rows(client.get(f"/{language}/demands/export.json"))
    with translation.override(language):
        assert demand["kind_label"] == str(Demand.Kind.RELEASE.label) != "Release of a person"


def test_a_russian_or_kazakh_list_links_to_its_export_in_its_language_with_its_filters(client, roza):
    make_demand(kind=Demand.Kind.RELEASE)
    page = client.get("/ru/prisoners/?status=imprisoned&page=1").content.decode()
    assert 'href="/ru/prisoners/export.csv?status=imprisoned"' in page
    assert 'href="/ru/prisoners/export.json?status=imprisoned"' in page
    page = client.get("/kk/demands/?kind=release").content.decode()
    assert 'href="/kk/demands/export.csv?kind=release"' in page
    assert 'href="/kk/demands/export.json?kind=release"' in page


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_russian_or_kazakh_export_holds_the_rows_of_its_list(client, language):
    campaign = make_campaign()
    for n in range(23):
        status = Status.IMPRISONED if n % 2 else Status.RELEASED
        make_person(name=f"Person {n:02d} Test", name_ru=f"Человек {22 - n:02d}", campaign=campaign, status=status)
    query = f"campaign={campaign.slug}&status=imprisoned"
    expected = listed(client, f"/{language}/prisoners/", query)
    assert len(expected) == 11
    assert [row["address"] for row in json_rows(client.get(f"/{language}/prisoners/export.json?{query}"))] == expected
    response = client.get(f"/{language}/prisoners/export.csv?status=nonsense")
    assert response.status_code == 400 and list(json.loads(response.content)) == ["errors"]
