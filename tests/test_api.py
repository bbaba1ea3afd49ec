"""The read-only JSON API (campaigns/api) and the walk of every private field against every export
and API answer."""

import datetime
import json
import re

import pytest
from django.apps import apps
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from ninja import Schema

from api import schemas
from core.middleware import PUBLIC_CSP
from core.publishing import Visibility
from core.status import record_status_change
from outreach.models import ActionDone, Subscriber
from prisoners.models import Consent, Prisoner, PrisonerStatusChange, Status
from reports.models import Report

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


def get_json(client, path, status=200, **extra):
    response = client.get(path, **extra)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def test_people_are_paginated_like_the_list_with_links_to_the_next_page(client):
    campaign = make_campaign()
    for n in range(23):
        make_person(name=f"Person {n:02d} Test", campaign=campaign)
    first = get_json(client, f"/api/people/?campaign={campaign.slug}")
    assert (first["count"], first["page"], first["pages"], len(first["results"])) == (23, 1, 2, 20)
    assert first["previous"] is None
    assert first["next"] == f"http://testserver/api/people/?campaign={campaign.slug}&page=2"
    second = get_json(client, first["next"])
    assert len(second["results"]) == 3 and second["next"] is None
    html = [
        p.slug for n in (1, 2) for p in client.get(f"/prisoners/?campaign={campaign.slug}&page={n}").context["page"]
    ]
    assert [row["address"] for row in first["results"] + second["results"]] == html


def test_people_use_the_filters_of_the_list(client):
    held = make_person(name="Held Person", status=Status.IMPRISONED, region="Mangystau", aliases=["Kholdov"])
    make_person(name="Free Person", status=Status.RELEASED)
    make_demand(people=[held])
    assert [r["name"] for r in get_json(client, "/api/people/?status=imprisoned")["results"]] == ["Held Person"]
    assert [r["name"] for r in get_json(client, "/api/people/?q=kholdov")["results"]] == ["Held Person"]
    assert [r["name"] for r in get_json(client, "/api/people/?region=Mangystau")["results"]] == ["Held Person"]
    assert [r["name"] for r in get_json(client, "/api/people/?outstanding=false")["results"]] == ["Free Person"]


@pytest.mark.parametrize(
    "path", ["/api/people/?status=nonsense", "/api/demands/?campaign=nowhere", "/api/key-dates/?kind=nonsense"]
)
def test_a_bad_filter_answers_400_with_the_errors_never_the_whole_list(client, path):
    make_person()
    errors = get_json(client, path, status=400)
    assert list(errors) == ["errors"] and errors["errors"]


def test_demands_campaigns_and_key_dates_are_the_published_ones(client):
    campaign, draft = make_campaign(name="Open campaign"), make_campaign(visibility=Visibility.DRAFT)
    person = make_person(name="Named Person")
    demand = make_demand(campaign=campaign, people=[person], title="Release them")
    make_demand(campaign=draft, title="Hidden demand")
    make_demand(campaign=campaign, title="Draft demand", visibility=Visibility.DRAFT)
    key_date = make_key_date(campaign=campaign, title="Day of action")
    key_date.prisoners.add(person)
    key_date.demands.add(demand)
    make_key_date(campaign=draft, title="Hidden date")

    demands = get_json(client, "/api/demands/")["results"]
    assert [d["title"] for d in demands] == ["Release them"]
    assert demands[0]["people"][0]["name"] == "Named Person"
    assert [c["name"] for c in get_json(client, "/api/campaigns/")["results"]] == ["Open campaign"]
    dates = get_json(client, f"/api/key-dates/?campaign={campaign.slug}")["results"]
    assert [(d["title"], d["demands"], d["people"][0]["address"]) for d in dates] == [
        ("Day of action", [demand.slug], person.slug)
    ]
    assert get_json(client, "/api/key-dates/")["count"] == 1


def test_a_person_is_found_at_their_public_address_only(client):
    named = make_person(name="Named Person")
    hidden = make_person(name="Hidden Person", consent=Consent.ANONYMISED)
    make_person(name="Withdrawn Person", slug="withdrawn", consent=Consent.WITHDRAWN)
    make_person(name="Draft Person", slug="draft", visibility=Visibility.DRAFT)
    assert get_json(client, f"/api/people/{named.slug}/")["name"] == "Named Person"
    assert get_json(client, f"/api/people/anonymous-{hidden.pk}/")["name"] == "H. P."
    for address in (hidden.slug, f"anonymous-{named.pk}", "withdrawn", "draft", f"anonymous-{named.pk + 100}"):
        assert client.get(f"/api/people/{address}/").status_code == 404


def test_an_anonymised_profile_has_initials_and_no_sources(client):
    person = make_person(
        name="Secret Name",
        native_name="Тайное Имя",
        consent=Consent.ANONYMISED,
        biography="Worked [[at the Ozen field]].",
        aliases=["Sekret"],
        status=Status.DETAINED,
        postal_address="Colony 12",
        facility="Colony 12",
    )
    person.sources.add(make_source(title="Names them in the title"))
    make_event(person, title="Arrested [[at home]]", sources=[make_source(title="Event source naming")])
    record_status_change(
        person, Status.IMPRISONED, source=make_source(title="Status source"), note="Sentenced [[in Aktau]]"
    )
    profile = get_json(client, f"/api/people/anonymous-{person.pk}/")
    assert (profile["name"], profile["native_name"], profile["aliases"], profile["address_for_letters"]) == (
        "S. N.",
        "",
        [],
        "",
    )
    assert profile["sources"] == [] and profile["events"][0]["sources"] == []
    assert all(change["source"] is None for change in profile["status_history"])
    text = json.dumps(profile, ensure_ascii=False)
    for secret in (
        "Secret",
        "Тайное",
        "Sekret",
        "Ozen field",
        "at home",
        "Aktau",
        "Names them",
        "naming",
        "Status source",
    ):
        assert secret not in text


def test_a_named_profile_shows_its_sources_charges_and_sentence(client):
    person = make_person(status=Status.IMPRISONED, arrested_on=datetime.date(2012, 1, 1))
    person.sources.add(make_source(title="Court ruling"))
    make_sentence(person, years=5)
    make_event(person, sources=[make_source(title="News report")])
    profile = get_json(client, f"/api/people/{person.slug}/")
    assert [s["title"] for s in profile["sources"]] == ["Court ruling"]
    assert profile["events"][0]["sources"][0]["title"] == "News report"
    assert profile["expected_release"] == "2017-01-01" == profile["sentences"][0]["ends_on"]


def test_a_demand_is_found_at_its_address_only_while_it_and_its_campaign_are_published(client):
    campaign, draft = make_campaign(), make_campaign(visibility=Visibility.DRAFT)
    demand = make_demand(campaign=campaign, title="Release them")
    make_demand(campaign=campaign, slug="draft-demand", visibility=Visibility.DRAFT)
    make_demand(campaign=draft, slug="in-a-draft-campaign")
    assert get_json(client, f"/api/demands/{demand.slug}/")["title"] == "Release them"
    for address in ("draft-demand", "in-a-draft-campaign", "nothing-here"):
        assert get_json(client, f"/api/demands/{address}/", status=404)["detail"]


def test_a_demand_shows_its_history_with_dated_evidence_its_sources_and_the_people_as_the_public_sees_them(client):
    campaign = make_campaign()
    named = make_person(name="Named Person", campaign=campaign)
    hidden = make_person(name="Hidden Person", campaign=campaign, consent=Consent.ANONYMISED)
    withdrawn = make_person(name="Withdrawn Person", campaign=campaign, consent=Consent.WITHDRAWN)
    draft = make_person(name="Draft Person", campaign=campaign, visibility=Visibility.DRAFT)
    government = make_organisation(name="Government of Kazakhstan")
    demand = make_demand(campaign=campaign, people=[named, withdrawn, draft], addressees=[government])
    demand.sources.add(make_source(title="The open letter"))
    record_status_change(
        demand,
        "partial",
        source=make_source(title="Ministry's answer"),
        happened_on=datetime.date(2019, 4, 17),
        happened_on_precision="month",
        note="Some were released.",
    )

    page = get_json(client, f"/api/demands/{demand.slug}/")
    assert [(p["address"], p["name"]) for p in page["people"]] == [(named.slug, "Named Person")]
    assert page["addressees"] == ["Government of Kazakhstan"]
    assert [s["title"] for s in page["sources"]] == ["The open letter"]
    changed, opened = page["status_history"]  # the latest recorded first
    assert (opened["new_status"], opened["happened_on_precision"]) == ("outstanding", "recorded")
    assert (changed["old_status"], changed["new_status"], changed["note"]) == (
        "outstanding",
        "partial",
        "Some were released.",
    )
    assert (changed["happened_on"], changed["happened_on_precision"]) == ("2019-04-01", "month")
    assert changed["source"]["title"] == "Ministry's answer" and changed["changed_at"]

    # Concerning someone anonymised: initials at their anonymous address, and no source (it could name them).
    demand.prisoners.add(hidden)
    page = get_json(client, f"/api/demands/{demand.slug}/")
    assert [(p["address"], p["name"]) for p in page["people"]] == [
        (named.slug, "Named Person"),
        (f"anonymous-{hidden.pk}", "H. P."),
    ]
    assert page["sources"] == [] and all(change["source"] is None for change in page["status_history"])
    text = json.dumps(page, ensure_ascii=False)
    for secret in ("Hidden", hidden.slug, "Withdrawn", "Draft Person", "Ministry", "open letter"):
        assert secret not in text


def test_a_demand_takes_as_many_queries_with_many_people_and_changes_as_with_one(client):
    campaign = make_campaign()
    demand = make_demand(campaign=campaign, people=[make_person(campaign=campaign)])
    few = _queries(client, f"/api/demands/{demand.slug}/")
    for status in ("partial", "rejected", "partial", "met"):
        record_status_change(demand, status, source=make_source())
        demand.prisoners.add(make_person(campaign=campaign))
        demand.sources.add(make_source())
    assert _queries(client, f"/api/demands/{demand.slug}/") == few


def test_the_openapi_schema_is_json_with_every_path_and_the_list_filters(client):
    schema = get_json(client, "/api/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/people/",
        "/api/people/{address}/",
        "/api/demands/",
        "/api/demands/{address}/",
        "/api/campaigns/",
        "/api/key-dates/",
    } <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/people/"]["get"]["parameters"]}
    assert {"q", "status", "campaign", "organisation", "region", "arrest_year", "outstanding", "page"} <= parameters


def test_the_docs_page_loads_nothing_from_elsewhere_and_runs_no_inline_script(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == PUBLIC_CSP
    page = response.content.decode()
    assert re.findall(r'(?:src|href)="([^"]+)"', page)
    assert all(url.startswith("/static/") for url in re.findall(r'(?:src|href)="([^"]+)"', page))
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert inline and all('type="application/json"' in attributes for attributes in inline)


def test_the_api_is_rate_limited_per_address_with_a_json_429(client, settings):
    settings.API_RATE_PER_IP = "2/m"
    assert client.get("/api/people/").status_code == 200
    assert client.get("/api/demands/").status_code == 200
    assert get_json(client, "/api/campaigns/", status=429)["detail"]
    assert client.get("/api/people/", REMOTE_ADDR="10.0.0.7").status_code == 200


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/api/people/", "/api/demands/", "/api/key-dates/"])
def test_a_list_takes_as_many_queries_for_50_rows_as_for_5(client, path):
    def add(count):
        campaign = make_campaign()
        for _ in range(count):
            person = make_person(campaign=campaign, status=Status.IMPRISONED, arrested_on="2012-01-01")
            make_sentence(person, years=3)
            make_demand(campaign=campaign, people=[person])
            make_key_date(campaign=campaign).prisoners.add(person)

    add(5)
    few = _queries(client, path)
    add(45)
    assert _queries(client, path) == few


def test_a_profile_takes_as_many_queries_with_many_events_as_with_one(client):
    person = make_person()
    make_event(person, sources=[make_source()])
    few = _queries(client, f"/api/people/{person.slug}/")
    for _ in range(10):
        make_event(person, sources=[make_source()])
    assert _queries(client, f"/api/people/{person.slug}/") == few


# The private-field walk ------------------------------------------------------------------------


def _is_text(field):
    return isinstance(field, models.CharField | models.TextField) and not field.choices


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def test_no_public_schema_names_a_private_field():
    every_schema = [value for value in vars(schemas).values() if isinstance(value, type) and issubclass(value, Schema)]
    assert {schemas.PersonDetail, schemas.DemandDetail, schemas.Charge, schemas.SourceOut} <= set(every_schema)
    shown = {name for schema in every_schema for name in schema.model_fields}
    private = {name for names in schemas.PRIVATE_FIELDS.values() for name in names}
    assert not shown & private
    for model, names in schemas.PRIVATE_FIELDS.items():
        for name in names:
            model._meta.get_field(name)  # every registered name is a real field
    for label in schemas.PRIVATE_MODELS:
        apps.get_model(label)


def test_no_private_field_is_reachable_from_any_export_or_api_answer(client, django_user_model):
    campaign = make_campaign()
    named = make_person(name="Named Person", campaign=campaign, status=Status.DETAINED)
    hidden = make_person(name="Hidden Person", campaign=campaign, consent=Consent.ANONYMISED)
    staff = django_user_model.objects.create_user("PRIVATE-changed-by-user", is_staff=True)
    for person in (named, hidden):
        record_status_change(person, Status.IMPRISONED, by=staff, source=make_source(), staff_note="x")
        make_event(person)
    demand = make_demand(campaign=campaign, people=[named, hidden])
    record_status_change(demand, "partial", by=staff, source_url="https://example.org/a", staff_note="x")
    make_key_date(campaign=campaign).prisoners.add(named, hidden)
    action = make_action(campaign=campaign, slug="write", people=[named, hidden], demands=[demand])
    Subscriber.objects.create(email="subscriber@example.org").prisoners.add(named)
    ActionDone.objects.create(subscriber=Subscriber.objects.get(), action=action)
    Report.objects.create(kind=Report.Kind.CASE, person=named, text="x")

    # Every private text field of every row gets a value of its own to look for.
    markers = {}
    private_fields = [(model, names) for model, names in schemas.PRIVATE_FIELDS.items()]
    private_fields += [
        (apps.get_model(label), [f.name for f in apps.get_model(label)._meta.concrete_fields])
        for label in schemas.PRIVATE_MODELS
    ]
    for model, names in private_fields:
        for name in names:
            field = model._meta.get_field(name)
            if _is_text(field):
                # Short and unique: it must fit the shortest column (PostgreSQL enforces max_length).
                marker = f"PRIVATE-{len(markers):03d}"[: field.max_length or None]
                model.objects.update(**{name: marker})
                markers[marker] = (model, name)
    # Encrypted at rest, so read back, not filtered on.
    assert sum(person.family_contacts.startswith("PRIVATE-") for person in Prisoner.objects.all()) == 2
    assert any(change.staff_note.startswith("PRIVATE-") for change in PrisonerStatusChange.objects.all())

    paths = [
        "/api/people/",
        "/api/demands/",
        "/api/campaigns/",
        "/api/key-dates/",
        "/api/openapi.json",
        f"/api/people/{named.slug}/",
        f"/api/people/anonymous-{hidden.pk}/",
        f"/api/demands/{demand.slug}/",
        "/api/actions/",
        "/api/actions/write/",
        "/prisoners/export.csv",
        "/prisoners/export.json",
        "/demands/export.csv",
        "/demands/export.json",
        "/actions/export.csv",
        "/actions/export.json",
    ]
    answers = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        answers[path] = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
    assert "Named Person" in answers["/api/people/"] and "H. P." in answers["/api/people/"]

    private_names = {name for _model, names in schemas.PRIVATE_FIELDS.items() for name in names}
    for path, text in answers.items():
        for marker in [*markers, "PRIVATE-changed-by-user", "subscriber@example.org"]:
            assert marker not in text, (path, marker)
        if path.endswith(".csv"):
            keys = set(text.lstrip("\ufeff").split("\r\n", 1)[0].split(","))
        else:
            data = json.loads(text)
            keys = set(_keys(data if not path.endswith("openapi.json") else data["components"]))
        assert not keys & private_names, (path, keys & private_names)
