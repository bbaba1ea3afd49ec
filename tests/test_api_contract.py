"""The API keeps its contract: schemathesis generates requests from the OpenAPI schema (valid ones, and
ones the schema forbids) and runs all its checks on every answer, in process; and the points of the
contract that were once broken are pinned down one by one."""

import datetime
import json

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from core.publishing import Visibility
from core.status import record_status_change
from prisoners.models import Consent, Status

from .factories import (
    make_action,
    make_campaign,
    make_demand,
    make_event,
    make_key_date,
    make_organisation,
    make_person,
    make_sentence,
    make_source,
)

pytestmark = pytest.mark.django_db

# Examples per operation in the fuzzing phase, on top of the examples and coverage phases' own cases;
# deterministic, so a failure found once is found again.
MAX_EXAMPLES = 15
CONFIG = {
    "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "checks": {"enabled": True},
    "phases": {"examples": {"enabled": True}, "coverage": {"enabled": True}, "fuzzing": {"enabled": True}},
}


@pytest.fixture
def record():
    """A small public record with every kind of value a filter takes, and what must never show."""
    campaign = make_campaign(name="Justice for Zhanaozen", slug="justice-for-zhanaozen")
    government = make_organisation(name="Government of Kazakhstan", slug="government")
    union = make_organisation(name="Oil Workers' Union", slug="oil-workers-union")
    named = make_person(
        name="Named Person",
        campaign=campaign,
        status=Status.IMPRISONED,
        region="Mangystau",
        arrested_on=datetime.date(2012, 1, 1),
        affiliation=union,
        aliases=["Namedov"],
    )
    make_sentence(named, years=5)
    make_event(named, sources=[make_source()])
    record_status_change(named, Status.RELEASED, source=make_source(), happened_on=datetime.date(2016, 5, 1))
    hidden = make_person(name="Hidden Person", campaign=campaign, consent=Consent.ANONYMISED, region="Almaty")
    make_person(name="Withdrawn Person", campaign=campaign, consent=Consent.WITHDRAWN, region="Withdrawn Region")
    make_person(name="Draft Person", campaign=campaign, visibility=Visibility.DRAFT, region="Draft Region")
    release = make_demand(campaign=campaign, people=[named, hidden], addressees=[government], title="Release them")
    record_status_change(release, "partial", source_url="https://example.org/partial")
    make_demand(campaign=campaign, people=[named], addressees=[government, union], title="An inquiry")
    key_date = make_key_date(campaign=campaign, title="Day of action")
    key_date.prisoners.add(named)
    key_date.demands.add(release)
    action = make_action(campaign=campaign, people=[named, hidden], demands=[release], key_date=key_date)
    action.sources.add(make_source())
    make_action(campaign=campaign, status="closed", outcome="Released.", outcome_on=datetime.date(2026, 12, 20))
    return {"campaign": campaign, "named": named, "hidden": hidden, "release": release}


@pytest.fixture
def app(settings, record):
    """The site as a WSGI application, called in this process and this test's transaction."""
    # Enough for every generated request: the limit itself is tested in test_api.py.
    settings.API_RATE_PER_IP = "100000/m"
    # As Django's test client does: closing the connection after each request would end the transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app, config=schemathesis.Config.from_dict(CONFIG))


@pytest.fixture(autouse=True)
def _node_id(request):
    # schemathesis 4.32's schemas from a fixture read (and rename, for their reports) `_nodeid`, which
    # pytest 9.2 no longer has; what pytest reports is `nodeid`, unchanged.
    request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@hypothesis.settings(suppress_health_check=list(hypothesis.HealthCheck))
def test_every_operation_answers_as_its_schema_says(case):
    # All of schemathesis's checks: no 5xx, documented status codes, content types, headers and bodies,
    # schema-valid requests accepted, schema-violating ones refused, 405 for an undocumented method.
    case.call_and_validate()


def test_every_record_and_every_filter_value_answers_as_the_schema_says(api_schema, record):
    """Generated addresses find nobody: here every person and demand the lists give is read, and every
    value each filter's enum lists is tried, through the same checks."""
    for path, detail in (
        ("/api/people/", "/api/people/{address}/"),
        ("/api/demands/", "/api/demands/{address}/"),
        ("/api/actions/", "/api/actions/{address}/"),
    ):
        rows = api_schema[path]["GET"].Case().call_and_validate().json()["results"]
        assert rows
        for row in rows:
            response = api_schema[detail]["GET"].Case(path_parameters={"address": row["address"]}).call_and_validate()
            assert response.status_code == 200
    tried = 0
    for path in ("/api/people/", "/api/demands/", "/api/key-dates/", "/api/actions/"):
        operation = api_schema[path]["GET"]
        for parameter in api_schema.raw_schema["paths"][path]["get"]["parameters"]:
            for value in parameter["schema"].get("enum", []):
                response = operation.Case(query={parameter["name"]: value}).call_and_validate()
                assert response.status_code == 200, (path, parameter["name"], value)
                tried += 1
    assert tried > 30


# The contract, point by point ---------------------------------------------------------------------


def get_json(client, path, status=200, **extra):
    response = client.get(path, **extra)
    assert response.status_code == status, (path, response.content)
    assert response["Content-Type"].startswith("application/json"), path
    return json.loads(response.content)


def _parameters(openapi, path):
    return {p["name"]: p["schema"] for p in openapi["paths"][path]["get"]["parameters"]}


@pytest.mark.parametrize("page", ["0", "-5", "abc", "", "1.5", "+1", " 1", "00"])
def test_a_page_that_is_not_a_whole_number_from_1_is_refused(client, record, page):
    errors = get_json(client, f"/api/people/?page={page}", status=400)["errors"]
    assert list(errors) == ["page"]


def test_a_page_past_the_last_is_not_found_and_page_1_of_nothing_is_empty(client, record):
    assert get_json(client, "/api/people/?page=99999", status=404)["detail"]
    assert get_json(client, "/api/people/?page=2", status=404)["detail"]
    assert get_json(client, "/api/people/?page=1" + "0" * 5000, status=404)["detail"]
    empty = get_json(client, "/api/people/?status=killed&page=1")
    assert (empty["count"], empty["page"], empty["pages"], empty["results"]) == (0, 1, 1, [])


def test_a_bad_page_and_a_bad_filter_are_refused_together(client, record):
    errors = get_json(client, "/api/demands/?status=nonsense&page=0", status=400)["errors"]
    assert set(errors) == {"status", "page"}


def test_the_schema_says_what_is_validated(client, record):
    openapi = get_json(client, "/api/openapi.json")
    people = _parameters(openapi, "/api/people/")
    assert people["page"] == {"type": "integer", "minimum": 1}
    assert people["q"]["maxLength"] == 100
    assert people["region"]["enum"] == ["", "Almaty", "Mangystau"]  # never a withdrawn or draft person's
    assert people["arrest_year"]["enum"] == ["", "2012"]
    assert people["campaign"]["enum"] == ["", "justice-for-zhanaozen"]
    assert set(people["organisation"]["enum"]) == {"", "oil-workers-union", "Oil Workers' Union"}
    assert people["status"]["enum"][0] == "" and "imprisoned" in people["status"]["enum"]
    demands = _parameters(openapi, "/api/demands/")
    assert demands["q"]["maxLength"] == 100
    assert set(demands["addressee"]["enum"]) == {
        "",
        "government",
        "Government of Kazakhstan",
        "oil-workers-union",
        "Oil Workers' Union",
    }
    for path in ("/api/people/{address}/", "/api/demands/{address}/"):
        assert _parameters(openapi, path)["address"]["pattern"] == "^[-a-zA-Z0-9_]+$"
    for path in ("/api/people/", "/api/demands/", "/api/campaigns/", "/api/key-dates/"):
        assert set(openapi["paths"][path]["get"]["responses"]) == {"200", "400", "404", "429"}


def test_a_query_is_as_long_as_the_schema_says(client, record):
    assert get_json(client, "/api/people/?q=" + "a" * 100)["count"] == 0
    assert "q" in get_json(client, "/api/people/?q=" + "a" * 101, status=400)["errors"]
    assert "q" in get_json(client, "/api/people/?q=" + "+" * 101, status=400)["errors"]  # spaces count too
    assert "q" in get_json(client, "/api/demands/?q=" + "a" * 101, status=400)["errors"]


def test_a_nul_character_is_refused_before_the_database_sees_it(client, record):
    # PostgreSQL cannot hold one in a query: a 500 there, unless refused first.
    for path in (
        "/api/people/?campaign=%00",
        "/api/people/?organisation=%00",
        "/api/people/?q=a%00",
        "/api/demands/?addressee=a%00",
        "/api/key-dates/?campaign=%00",
    ):
        assert get_json(client, path, status=400)["errors"], path
    for path in ("/api/people/%00/", f"/api/demands/{record['release'].slug}%00/"):
        assert get_json(client, path, status=404)["detail"], path


def test_what_the_api_returns_is_accepted_back_as_a_filter(client, record):
    people = get_json(client, "/api/people/")["results"]
    named = next(row for row in people if row["name"] == "Named Person")
    for name, value in [
        ("region", named["region"]),
        ("organisation", named["organisation"]),
        ("campaign", named["campaigns"][0]),
        ("status", named["status"]),
        ("arrest_year", named["arrested_on"][:4]),
    ]:
        found = get_json(client, "/api/people/", data={name: value})["results"]
        assert named["address"] in [row["address"] for row in found], name
    demand = next(row for row in get_json(client, "/api/demands/")["results"] if row["title"] == "Release them")
    for name, value in [
        ("addressee", demand["addressees"][0]),
        ("addressee", "government"),
        ("campaign", demand["campaign"]),
        ("kind", demand["kind"]),
        ("status", demand["status"]),
    ]:
        found = get_json(client, "/api/demands/", data={name: value})["results"]
        assert demand["address"] in [row["address"] for row in found], name
    assert get_json(client, "/api/demands/?addressee=Oil+Workers%27+Union")["count"] == 1
    # Values the schema does not list are refused, never answered with the whole list.
    for path in ("/api/people/?region=%25", "/api/people/?organisation=nobody", "/api/people/?arrest_year=99999"):
        assert get_json(client, path, status=400)["errors"]
    assert get_json(client, "/api/demands/?addressee=Nobody", status=400)["errors"]


def test_every_unknown_address_under_api_answers_json_404(client, record):
    for path in ("/api/anything-unknown", "/api/anything/unknown/", "/api/", "/api/people/a/b/"):
        assert "/api/docs/" in get_json(client, path, status=404)["detail"], path
    assert get_json(client, f"/api/demands/{record['release'].slug}x/", status=404)["detail"]
    response = client.get("/api/people")  # a missing slash is added, as everywhere on the site
    assert (response.status_code, response["Location"]) == (301, "/api/people/")


def test_a_method_the_api_does_not_serve_answers_json_405(client, record):
    for method in ("post", "put", "delete"):
        response = getattr(client, method)("/api/people/")
        assert response.status_code == 405
        assert response["Content-Type"].startswith("application/json") and response["Allow"] == "GET"
        assert json.loads(response.content)["detail"]
    assert get_json(client, "/api/unknown/", status=404)  # and a POST to an unknown address is a 404
    assert client.post("/api/unknown/").status_code == 404


def test_every_address_under_api_counts_against_the_limit(client, record, settings):
    settings.API_RATE_PER_IP = "3/m"
    client.get("/api/openapi.json")
    client.get("/api/unknown/")
    client.post("/api/people/")
    assert get_json(client, "/api/people/", status=429)["detail"]
    assert get_json(client, "/api/unknown/", status=429)["detail"]


def test_a_host_not_served_answers_json_400_under_api_and_the_html_page_elsewhere(client, record, settings):
    assert "evil.example" not in settings.ALLOWED_HOSTS
    for path in ("/api/people/", "/api/unknown/", "/api/openapi.json"):
        assert get_json(client, path, status=400, HTTP_HOST="evil.example")["detail"], path
    response = client.get("/prisoners/", HTTP_HOST="evil.example")
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")


def test_too_many_parameters_answer_json_400_under_api_and_the_html_page_elsewhere(client, record, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    query = "&".join(f"q{n}=x" for n in range(6))
    for path in ("/api/people/", "/api/demands/"):
        detail = get_json(client, f"{path}?{query}", status=400)["detail"]
        assert "at most 5" in detail, path
    response = client.get(f"/prisoners/?{query}")
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
