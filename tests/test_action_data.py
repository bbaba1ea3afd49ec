"""Actions wherever the record goes: the Atom feeds, the calendars, the API and the exports, in every
language, with nothing private and a cost that does not grow with the number of actions."""

import csv
import datetime
import io
import json

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from icalendar import Calendar

from actions import columns as action_columns
from actions.models import Action, Participation
from actions.services import count_participation
from api.schemas import ActionOut
from core.publishing import Visibility
from outreach.models import ActionDone, Subscriber
from prisoners.models import Consent

from .factories import (
    make_action,
    make_addressee,
    make_campaign,
    make_demand,
    make_key_date,
    make_person,
    make_source,
)

pytestmark = pytest.mark.django_db
D = datetime.date
# After both actions of the record below opened, and after the closed one's outcome.
LATER = datetime.datetime(2027, 1, 10, 12, tzinfo=datetime.UTC)
ALMATY = datetime.timezone(datetime.timedelta(hours=5))


@pytest.fixture
def record():
    campaign = make_campaign(name="Justice for Zhanaozen", slug="zh")
    person = make_person(name="Erzhan Elshibayev", slug="erzhan", campaign=campaign)
    demand = make_demand(campaign=campaign, title="Release Erzhan", slug="release-erzhan", people=[person])
    open_action = make_action(campaign=campaign, slug="write-now", title="Write now", people=[person], demands=[demand])
    closed = make_action(
        campaign=campaign,
        slug="won",
        title="Write for Erzhan",
        title_ru="Напишите об Ержане",
        title_kk="Ержан туралы жазыңыз",
        starts_on=D(2026, 11, 1),
        deadline=D(2026, 11, 20),
        status=Action.Status.CLOSED,
        outcome="He was released.",
        outcome_ru="Его освободили.",
        outcome_kk="Ол босатылды.",
        outcome_on=D(2026, 12, 20),
        outcome_source=make_source(),
        people=[person],
        demands=[demand],
    )
    return {"campaign": campaign, "person": person, "demand": demand, "open": open_action, "closed": closed}


def feed(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    parsed = feedparser.parse(response.content, response_headers={"content-type": response["Content-Type"]})
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def get_json(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return json.loads(body(response))


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        assert response.status_code == 200, path
        body(response)
    return len(captured)


# Atom feeds -------------------------------------------------------------------------------------------

FEEDS = ["/feed/", "/campaigns/zh/feed/", "/prisoners/erzhan/feed/", "/demands/release-erzhan/feed/"]


def action_entries(client, address):
    return [entry for entry in feed(client, address).entries if "/actions/" in entry.link]


@time_machine.travel(LATER, tick=False)
@pytest.mark.parametrize("address", FEEDS)
def test_every_feed_tells_when_an_action_opened_and_when_it_closed_with_its_outcome(client, record, address):
    entries = action_entries(client, address)
    assert [(entry.link, entry.title) for entry in entries] == [
        ("http://testserver/actions/won/", "Write for Erzhan: closed, with an outcome"),
        ("http://testserver/actions/write-now/", "Write now: new action, deadline 15 December 2026"),
        ("http://testserver/actions/won/", "Write for Erzhan: new action, deadline 20 November 2026"),
    ]
    outcome, opened, _earlier = entries
    assert outcome.summary == "20 December 2026: He was released."
    assert opened.summary == "Ask for an independent investigation. Deadline: 15 December 2026."
    # Midnight of the day, where the campaign is (Almaty, UTC+5).
    assert opened.published_parsed[:4] == (2026, 11, 30, 19) and outcome.updated_parsed[:4] == (2026, 12, 19, 19)
    assert len({entry.id for entry in entries}) == 3
    assert [entry.id for entry in action_entries(client, address)] == [entry.id for entry in entries]


@time_machine.travel(LATER, tick=False)
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_an_action_entry_is_in_the_feeds_language_with_its_own_id(client, record, language):
    closed = record["closed"]
    outcome, opened, _earlier = action_entries(client, f"/{language}/feed/")
    assert outcome.link == f"http://testserver/{language}/actions/won/"
    assert outcome.title.startswith(getattr(closed, f"title_{language}") + ":")
    assert outcome.summary.endswith(": " + getattr(closed, f"outcome_{language}"))
    assert opened.title.startswith(getattr(record["open"], f"title_{language}") + ":")
    assert getattr(record["open"], f"summary_{language}") in opened.summary
    english_ids = [entry.id for entry in action_entries(client, "/feed/")]
    assert [entry.id for entry in (outcome, opened, _earlier)] == [
        entry_id.replace(",2026:", f",2026:{language}/") for entry_id in english_ids
    ]


@time_machine.travel(LATER, tick=False)
def test_drafts_archived_actions_and_a_draft_campaigns_never_appear_nor_one_not_yet_open(client, record):
    campaign, person = record["campaign"], record["person"]
    make_action(campaign=campaign, title="Draft action", people=[person], visibility=Visibility.DRAFT)
    make_action(campaign=campaign, title="Archived action", people=[person], visibility=Visibility.ARCHIVED)
    make_action(campaign=make_campaign(visibility=Visibility.DRAFT), title="Hidden campaign's", people=[person])
    make_action(
        campaign=campaign, title="Not open yet", people=[person], starts_on=D(2027, 2, 1), deadline=D(2027, 3, 1)
    )
    for address in FEEDS:
        text = " ".join(entry.title for entry in feed(client, address).entries)
        assert "Write now" in text, address
        for hidden in ("Draft action", "Archived action", "Hidden campaign's", "Not open yet"):
            assert hidden not in text, (address, hidden)


@time_machine.travel(LATER, tick=False)
def test_a_persons_and_a_demands_feed_tell_only_of_their_own_actions(client, record):
    other = make_person(slug="other")
    make_action(campaign=record["campaign"], title="About someone else", people=[other])
    for address in ("/prisoners/erzhan/feed/", "/demands/release-erzhan/feed/"):
        assert "About someone else" not in " ".join(entry.title for entry in feed(client, address).entries)
    assert "About someone else" in " ".join(entry.title for entry in feed(client, "/prisoners/other/feed/").entries)
    assert "About someone else" in " ".join(entry.title for entry in feed(client, "/campaigns/zh/feed/").entries)


@time_machine.travel(LATER, tick=False)
@pytest.mark.parametrize("address", FEEDS)
def test_a_feed_costs_as_many_queries_with_60_actions_as_with_2_and_holds_at_most_its_limit(client, record, address):
    few = queries(client, address)
    for n in range(29):
        make_action(campaign=record["campaign"], people=[record["person"]], demands=[record["demand"]])
        make_action(
            campaign=record["campaign"],
            people=[record["person"]],
            demands=[record["demand"]],
            status=Action.Status.CLOSED,
            outcome=f"Outcome {n}",
            outcome_on=D(2026, 12, 21),
        )
    assert queries(client, address) == few
    assert len(feed(client, address).entries) == 50


# Calendars --------------------------------------------------------------------------------------------


def calendar(client, address):
    response = client.get(address)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def deadlines(client, address):
    return {
        str(event["URL"]): event for event in calendar(client, address).walk("VEVENT") if "/actions/" in event["URL"]
    }


def test_an_open_actions_deadline_is_an_all_day_event_in_the_site_campaign_and_persons_calendars(client, record):
    for address in ("/calendar.ics", "/campaigns/zh/calendar.ics", "/prisoners/erzhan/calendar.ics"):
        events = deadlines(client, address)
        assert list(events) == ["http://127.0.0.1:8000/actions/write-now/"], address  # the closed one is not
        event = events["http://127.0.0.1:8000/actions/write-now/"]
        assert str(event["SUMMARY"]) == "Deadline: Write now"
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (D(2026, 12, 15), D(2026, 12, 16))
        assert str(event["DESCRIPTION"]) == "Ask for an independent investigation."


def test_a_deadline_with_a_time_is_the_hour_that_ends_at_it_in_the_campaigns_time_zone(client, record):
    action = make_action(campaign=record["campaign"], title="By six", deadline_time=datetime.time(18, 0))
    cal = calendar(client, "/calendar.ics")
    [event] = [event for event in cal.walk("VEVENT") if str(event["SUMMARY"]) == "Deadline: By six"]
    assert event["DTEND"].params["TZID"] == "Asia/Almaty" and cal.get_missing_tzids() == set()
    assert event.decoded("DTEND") == action.deadline_at
    assert event.decoded("DTSTART").astimezone(ALMATY) == datetime.datetime(2026, 12, 15, 17, 0, tzinfo=ALMATY)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_calendar_names_a_deadline_in_its_language_and_links_to_the_page_in_it(client, record, language):
    english = deadlines(client, "/calendar.ics")["http://127.0.0.1:8000/actions/write-now/"]
    event = deadlines(client, f"/{language}/calendar.ics")[f"http://127.0.0.1:8000/{language}/actions/write-now/"]
    assert getattr(record["open"], f"title_{language}") in str(event["SUMMARY"])
    assert "Write now" not in str(event["SUMMARY"])
    assert str(event["DESCRIPTION"]) == getattr(record["open"], f"summary_{language}")
    assert str(event["UID"]) != str(english["UID"])
    again = deadlines(client, f"/{language}/calendar.ics")[f"http://127.0.0.1:8000/{language}/actions/write-now/"]
    assert str(again["UID"]) == str(event["UID"])


def test_closed_draft_archived_and_other_peoples_actions_are_not_in_a_calendar(client, record):
    campaign = record["campaign"]
    make_action(campaign=campaign, title="Draft", people=[record["person"]], visibility=Visibility.DRAFT)
    make_action(campaign=campaign, title="Archived", people=[record["person"]], visibility=Visibility.ARCHIVED)
    make_action(campaign=make_campaign(visibility=Visibility.DRAFT), title="Draft campaign's")
    make_action(campaign=campaign, title="Someone else's", people=[make_person()])
    summaries = {
        address: {str(e["SUMMARY"]) for e in deadlines(client, address).values()}
        for address in ("/calendar.ics", "/campaigns/zh/calendar.ics", "/prisoners/erzhan/calendar.ics")
    }
    assert summaries["/calendar.ics"] == {"Deadline: Write now", "Deadline: Someone else's"}
    assert summaries["/campaigns/zh/calendar.ics"] == {"Deadline: Write now", "Deadline: Someone else's"}
    assert summaries["/prisoners/erzhan/calendar.ics"] == {"Deadline: Write now"}


def test_a_calendar_costs_as_many_queries_with_many_actions_as_with_one(client, record):
    few = queries(client, "/prisoners/erzhan/calendar.ics")
    for _ in range(10):
        make_action(campaign=record["campaign"], people=[record["person"]])
    assert queries(client, "/prisoners/erzhan/calendar.ics") == few
    assert len(deadlines(client, "/prisoners/erzhan/calendar.ics")) == 11


# API --------------------------------------------------------------------------------------------------


def test_actions_are_listed_open_first_filtered_by_status_and_campaign(client, record):
    elsewhere = make_action(slug="elsewhere", deadline=D(2026, 12, 10))
    everything = get_json(client, "/api/actions/")
    assert [row["address"] for row in everything["results"]] == ["elsewhere", "write-now", "won"]
    assert (everything["count"], everything["page"], everything["pages"]) == (3, 1, 1)
    assert [row["address"] for row in get_json(client, "/api/actions/?status=closed")["results"]] == ["won"]
    assert [row["address"] for row in get_json(client, "/api/actions/?campaign=zh&status=open")["results"]] == [
        "write-now"
    ]
    assert get_json(client, f"/api/actions/?campaign={elsewhere.campaign.slug}")["count"] == 1
    for bad in ("status=nonsense", "campaign=nowhere", "page=0"):
        assert get_json(client, f"/api/actions/?{bad}", status=400)["errors"], bad
    assert get_json(client, "/api/actions/?page=2", status=404)["detail"]


def test_an_action_shows_what_its_page_does_and_its_message_in_every_language(client, record):
    action = record["open"]
    action.key_date = make_key_date(campaign=record["campaign"], title="Anniversary")
    action.save()
    action.sources.add(make_source(title="The open letter"))
    office = action.addressees.get()
    Addressee = type(office)
    Addressee.objects.filter(pk=office.pk).update(phone="+7 7172 71 28 00", web_form="https://example.org/form")
    for _ in range(3):
        count_participation(action, "ru", Participation.Channel.VISITOR)
    page = get_json(client, "/api/actions/write-now/")
    assert (page["address"], page["title"], page["kind"], page["status"], page["write_in"]) == (
        "write-now",
        "Write now",
        "letter",
        "open",
        "ru",
    )
    assert (page["starts_on"], page["deadline"], page["deadline_at"]) == (
        "2026-12-01",
        "2026-12-15",
        "2026-12-15T23:59:00+05:00",
    )
    assert page["steps"] == ["Copy the message.", "Send it before the deadline."]
    assert page["message"] == {
        "language": "en",
        "subject": "An independent investigation",
        "salutation": "Dear Prosecutor General,",
        "body": "I ask you to open an independent investigation.",
    }
    assert page["messages"]["en"] == page["message"]
    assert page["messages"]["ru"]["body"] == "Прошу вас начать независимое расследование."
    assert page["messages"]["kk"]["salutation"] == "Құрметті Бас прокурор!"
    assert page["addressees"] == [
        {
            "name": office.name,
            "email": office.email,
            "postal_address": "1 Example Street, Astana",
            "phone": "+7 7172 71 28 00",
            "web_form": "https://example.org/form",
            "public_account": "",
        }
    ]
    assert page["participants"] == 3
    assert [p["address"] for p in page["people"]] == ["erzhan"]
    assert [d["address"] for d in page["demands"]] == ["release-erzhan"]
    assert (page["campaign"], page["key_date"]["title"], page["url"]) == (
        "zh",
        "Anniversary",
        "http://127.0.0.1:8000/actions/write-now/",
    )
    assert [source["title"] for source in page["sources"]] == ["The open letter"]
    closed = get_json(client, "/api/actions/won/")
    assert (closed["status"], closed["outcome"], closed["outcome_on"]) == ("closed", "He was released.", "2026-12-20")
    assert closed["outcome_source"]["url"].startswith("https://example.org/")


def test_an_action_shows_people_and_demands_as_the_public_sees_them_and_no_sources_naming_someone_hidden(client):
    campaign = make_campaign()
    hidden = make_person(name="Hidden Person", consent=Consent.ANONYMISED)
    draft = make_person(name="Draft Person", visibility=Visibility.DRAFT)
    draft_demand = make_demand(campaign=campaign, title="Draft demand", visibility=Visibility.DRAFT)
    action = make_action(campaign=campaign, slug="a", people=[hidden, draft], demands=[draft_demand])
    action.key_date = make_key_date(campaign=campaign, title="Draft date", visibility=Visibility.DRAFT)
    action.save()
    action.sources.add(make_source(title="Names them"))
    page = get_json(client, "/api/actions/a/")
    assert [(p["address"], p["name"]) for p in page["people"]] == [(f"anonymous-{hidden.pk}", "H. P.")]
    assert (page["demands"], page["key_date"], page["sources"]) == ([], None, [])
    text = json.dumps(page, ensure_ascii=False)
    for secret in ("Hidden", hidden.slug, "Draft", "Names them"):
        assert secret not in text


def test_an_action_not_public_is_not_found(client):
    make_action(slug="draft", visibility=Visibility.DRAFT)
    make_action(slug="archived", visibility=Visibility.ARCHIVED)
    make_action(slug="in-a-draft-campaign", campaign=make_campaign(visibility=Visibility.DRAFT))
    for address in ("draft", "archived", "in-a-draft-campaign", "nowhere"):
        assert get_json(client, f"/api/actions/{address}/", status=404)["detail"], address
    assert get_json(client, "/api/actions/")["count"] == 0


def test_the_action_list_and_page_cost_as_many_queries_with_many_rows_as_with_few(client, record):
    few_list, few_page = queries(client, "/api/actions/"), queries(client, "/api/actions/write-now/")
    action = record["open"]
    for _ in range(15):
        make_action(campaign=record["campaign"], people=[make_person(), record["person"]], demands=[record["demand"]])
        action.prisoners.add(make_person())
        action.addressees.add(make_addressee())
        action.sources.add(make_source())
    assert queries(client, "/api/actions/") == few_list
    assert queries(client, "/api/actions/write-now/") == few_page


def test_the_schema_documents_the_actions_and_their_filters(client, record):
    schema = get_json(client, "/api/openapi.json")
    assert {"/api/actions/", "/api/actions/{address}/"} <= set(schema["paths"])
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/actions/"]["get"]["parameters"]}
    assert parameters["status"]["enum"] == ["", "open", "closed"]
    assert parameters["campaign"]["enum"] == ["", "zh"]
    assert set(schema["paths"]["/api/actions/"]["get"]["responses"]) == {"200", "400", "404", "429"}


def test_who_took_part_and_the_daily_counts_never_leave_the_site(client, record):
    action = record["open"]
    subscriber = Subscriber.objects.create(email="acted@example.org")
    ActionDone.objects.create(subscriber=subscriber, action=action)
    count_participation(action, "kk", Participation.Channel.SUBSCRIBER)
    Action.objects.filter(pk=action.pk).update(archive_reason="PRIVATE-reason")
    paths = ["/api/actions/", "/api/actions/write-now/", "/actions/export.csv", "/actions/export.json"]
    for path in paths + ["/kk/actions/export.json"]:
        response = client.get(path)
        assert response.status_code == 200, path
        text = body(response).decode()
        for secret in ("acted@example.org", "PRIVATE-reason", "subscriber", "channel", "was_public"):
            assert secret not in text, (path, secret)
    assert get_json(client, "/api/actions/write-now/")["participants"] == 1


# Exports ----------------------------------------------------------------------------------------------


def csv_rows(response):
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_the_english_export_has_every_action_the_list_shows_with_the_columns_asked_for(client, record):
    count_participation(record["open"], "en", Participation.Channel.VISITOR)
    response = client.get("/actions/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8" and response["Content-Language"] == "en"
    rows = csv_rows(response)
    assert list(rows[0]) == list(ActionOut.model_fields)
    assert [row["address"] for row in rows] == [row["address"] for row in get_json(client, "/api/actions/")["results"]]
    current, closed = rows
    assert {
        key: current[key]
        for key in ("title", "status", "campaign", "starts_on", "deadline", "people", "demands", "participants")
    } == {
        "title": "Write now",
        "status": "open",
        "campaign": "zh",
        "starts_on": "2026-12-01",
        "deadline": "2026-12-15",
        "people": "Erzhan Elshibayev",
        "demands": "Release Erzhan",
        "participants": "1",
    }
    assert current["addressees"] == record["open"].addressees.get().name
    assert current["url"] == "http://127.0.0.1:8000/actions/write-now/"
    assert (closed["outcome"], closed["outcome_on"]) == ("He was released.", "2026-12-20")
    assert [row["address"] for row in json.loads(body(client.get("/actions/export.json?status=closed")))] == ["won"]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_russian_or_kazakh_export_is_in_its_language_and_its_json_keeps_its_keys(client, record, language):
    response = client.get(f"/{language}/actions/export.csv?status=closed")
    assert response.status_code == 200 and response["Content-Language"] == language
    [row] = csv_rows(response)
    with translation.override(language):
        headings = {column: str(heading) for column, heading in action_columns.HEADINGS.items()}
        closed_label = str(Action.Status.CLOSED.label)
    assert list(row) == list(headings.values())
    cell = {column: row[heading] for column, heading in headings.items()}
    closed = record["closed"]
    assert (cell["title"], cell["outcome"]) == (
        getattr(closed, f"title_{language}"),
        getattr(closed, f"outcome_{language}"),
    )
    assert (cell["status"], cell["status_label"]) == ("closed", closed_label)
    assert cell["url"] == f"http://127.0.0.1:8000/{language}/actions/won/"
    english = json.loads(body(client.get("/actions/export.json")))
    translated = json.loads(body(client.get(f"/{language}/actions/export.json")))
    assert [list(entry) for entry in translated] == [list(entry) for entry in english]
    assert [entry["status"] for entry in translated] == [entry["status"] for entry in english] == ["open", "closed"]
    assert translated[1]["title"] == getattr(closed, f"title_{language}")


def test_every_exported_action_column_has_a_heading_of_its_own():
    assert list(action_columns.HEADINGS) == list(ActionOut.model_fields)
    for language in ("en", "ru", "kk"):
        with translation.override(language):
            shown = [str(heading) for heading in action_columns.HEADINGS.values()]
        assert len(set(shown)) == len(shown), language


def test_an_action_export_is_of_public_actions_only_refuses_a_bad_filter_and_costs_the_same_for_more(client, record):
    make_action(title="Draft action", visibility=Visibility.DRAFT)
    make_action(title="Hidden campaign's", campaign=make_campaign(visibility=Visibility.DRAFT))
    text = body(client.get("/actions/export.csv")).decode()
    assert "Draft action" not in text and "Hidden campaign's" not in text
    response = client.get("/actions/export.json?status=nonsense")
    assert response.status_code == 400 and "status" in json.loads(response.content)["errors"]
    few = queries(client, "/actions/export.json")
    for _ in range(10):
        make_action(campaign=record["campaign"], people=[make_person()], demands=[record["demand"]])
    assert queries(client, "/actions/export.json") == few
