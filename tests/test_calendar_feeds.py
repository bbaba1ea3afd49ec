import datetime

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from campaigns.models import KeyDate
from core.publishing import Visibility

from .factories import make_campaign, make_key_date, make_person

pytestmark = pytest.mark.django_db
D = datetime.date


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return calendar


def events(client, url):
    return {str(event["SUMMARY"]): event for event in read(client, url).walk("VEVENT")}


def instants(calendar, event, count=1):
    """The first occurrences in UTC, as the file alone defines them: local times in the file's own
    VTIMEZONE (read by dateutil's RFC 5545 parser), not in this machine's zone database."""
    start = event["DTSTART"]
    zones = {zone.tz_name: zone for zone in calendar.timezones}
    zone = zones[start.params["TZID"]].to_tz(lookup_tzid=False)
    local = start.dt.replace(tzinfo=None)
    days = rrulestr(event["RRULE"].to_ical().decode(), dtstart=local)[:count] if "RRULE" in event else [local]
    return [day.replace(tzinfo=zone).astimezone(datetime.UTC) for day in days]


def expand(event, count):
    rule = event["RRULE"].to_ical().decode()
    start = event.decoded("DTSTART")
    start = datetime.datetime.combine(start, datetime.time()) if not isinstance(start, datetime.datetime) else start
    return [day.date() for day in rrulestr(rule, dtstart=start)[:count]]


def test_yearly_anniversary_is_a_recurring_all_day_event(client):
    make_key_date(title="Massacre anniversary", date=D(2011, 12, 16), place="Alan Square")
    event = events(client, "/calendar.ics")["Massacre anniversary"]
    assert event.decoded("DTSTART") == D(2011, 12, 16) and event.decoded("DTEND") == D(2011, 12, 17)
    assert expand(event, 3) == [D(2011, 12, 16), D(2012, 12, 16), D(2013, 12, 16)]
    assert str(event["LOCATION"]) == "Alan Square"


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("feb28", [D(2024, 2, 29), D(2025, 2, 28), D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)]),
        ("mar1", [D(2024, 2, 29), D(2025, 3, 1), D(2026, 3, 1), D(2027, 3, 1), D(2028, 2, 29)]),
    ],
)
def test_29_february_recurs_as_the_model_says(client, rule, expected):
    key_date = make_key_date(title="Leap", date=D(2024, 2, 29), leap_day_rule=rule)
    event = events(client, "/calendar.ics")["Leap"]
    assert expand(event, 5) == expected
    assert [key_date.occurrence_in(day.year) for day in expected] == expected


def test_one_off_date_with_a_time_is_in_the_campaign_time_zone(client):
    make_key_date(title="Hearing", date=D(2026, 12, 3), time=datetime.time(10, 30), recurrence=KeyDate.Recurrence.ONCE)
    event = events(client, "/calendar.ics")["Hearing"]
    start = event.decoded("DTSTART")
    assert "RRULE" not in event
    assert start.utcoffset() == datetime.timedelta(hours=5) and (start.hour, start.minute) == (10, 30)


def test_a_timed_date_is_at_the_right_instant_by_the_files_own_time_zone(client):
    make_key_date(title="Hearing", date=D(2026, 12, 3), time=datetime.time(10, 30), recurrence=KeyDate.Recurrence.ONCE)
    make_key_date(title="Vigil", date=D(2022, 12, 16), time=datetime.time(10, 30))
    calendar = read(client, "/calendar.ics")
    hearing, vigil = sorted(calendar.walk("VEVENT"), key=lambda event: str(event["SUMMARY"]))
    assert instants(calendar, hearing) == [datetime.datetime(2026, 12, 3, 5, 30, tzinfo=datetime.UTC)]
    # Almaty moved from UTC+6 to UTC+5 on 1 March 2024.
    assert [instant.hour for instant in instants(calendar, vigil, 4)] == [4, 4, 5, 5]


def test_summer_time_holds_for_as_long_as_a_yearly_date_recurs(client):
    campaign = make_campaign(timezone="Europe/Berlin")
    make_key_date(campaign=campaign, title="Rally", date=D(2022, 7, 1), time=datetime.time(10, 30))
    calendar = read(client, "/calendar.ics")
    rally = instants(calendar, calendar.walk("VEVENT")[0], 60)
    assert rally[-1] == datetime.datetime(2081, 7, 1, 8, 30, tzinfo=datetime.UTC)
    assert {instant.hour for instant in rally} == {8}


def test_every_time_zone_used_is_described_before_the_events(client):
    almaty, berlin = make_campaign(slug="almaty"), make_campaign(slug="berlin", timezone="Europe/Berlin")
    make_key_date(campaign=almaty, title="Hearing", time=datetime.time(10, 30))
    make_key_date(campaign=berlin, title="Rally", time=datetime.time(18, 0))
    make_key_date(campaign=berlin, title="All day")
    for url, zones in (
        ("/calendar.ics", ["Asia/Almaty", "Europe/Berlin"]),
        ("/ru/calendar.ics", ["Asia/Almaty", "Europe/Berlin"]),
        ("/campaigns/berlin/calendar.ics", ["Europe/Berlin"]),
    ):
        calendar = read(client, url)
        first = [(part.name, str(part.get("TZID"))) for part in calendar.subcomponents[: len(zones)]]
        assert first == [("VTIMEZONE", zone) for zone in zones], url
        assert calendar.get_used_tzids() == set(zones) and calendar.get_missing_tzids() == set(), url


def test_uids_are_stable_and_the_feed_unchanged_between_requests(client):
    make_key_date(title="A")
    make_key_date(title="B")
    first, second = client.get("/calendar.ics").content, client.get("/calendar.ics").content
    assert first == second
    uids = [str(e["UID"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert len(set(uids)) == 2 and all(uid.startswith("keydate-") for uid in uids)


def test_drafts_never_appear(client):
    make_key_date(title="Public")
    make_key_date(title="Draft date", visibility=Visibility.DRAFT)
    make_key_date(title="Draft campaign", campaign=make_campaign(visibility=Visibility.DRAFT))
    assert set(events(client, "/calendar.ics")) == {"Public"}


def test_campaign_and_person_feeds(client):
    campaign = make_campaign(slug="zhanaozen")
    person = make_person(slug="roza-tuletaeva")
    linked = make_key_date(campaign=campaign, title="Her hearing")
    linked.prisoners.add(person)
    make_key_date(campaign=campaign, title="Campaign day")
    make_key_date(title="Elsewhere")
    assert set(events(client, "/campaigns/zhanaozen/calendar.ics")) == {"Her hearing", "Campaign day"}
    assert set(events(client, "/prisoners/roza-tuletaeva/calendar.ics")) == {"Her hearing"}


def test_feeds_of_drafts_are_404(client):
    make_campaign(slug="hidden", visibility=Visibility.DRAFT)
    make_person(slug="hidden-person", visibility=Visibility.DRAFT)
    assert client.get("/campaigns/hidden/calendar.ics").status_code == 404
    assert client.get("/prisoners/hidden-person/calendar.ics").status_code == 404


@pytest.mark.parametrize(("prefix", "words"), [("", "Add these dates to your calendar"), ("/ru", "Добавить")])
def test_the_calendar_page_offers_the_calendar_file_and_reminders(client, db, prefix, words):
    page = client.get(f"{prefix}/calendar/").content.decode()
    assert f'href="{prefix}/calendar.ics"' in page and f'href="{prefix}/subscribe/"' in page
    assert words in page
