"""Our calendars as Mozilla's ical.js reads them (Thunderbird's parser, and many web calendars'), in a
real Chromium set to UTC: every timed event starts at the instant Python's icalendar finds, because
each TZID has its VTIMEZONE. Without one, ical.js takes the time as floating, hours off.

tests/data/ical-2.2.1.min.js is ical.js 2.2.1 as published on npm (dist/ical.min.js of
https://registry.npmjs.org/ical.js/-/ical.js-2.2.1.tgz, sha256 36482280…c2e7b3107; MPL-2.0, its
notice at the top of the file)."""

import datetime
from pathlib import Path

import pytest

from campaigns.models import KeyDate

from .factories import make_action, make_campaign, make_key_date
from .test_browser import CHROMIUM_ARGS
from .test_calendar_feeds import instants, read

pytestmark = [pytest.mark.django_db, pytest.mark.browser]
D = datetime.date
ICAL_JS = Path(__file__).parent / "data" / "ical-2.2.1.min.js"
# Each VEVENT's first `count` starts, in UTC seconds, by ical.js: its VTIMEZONEs registered first, as
# a calendar client does with the file it imports.
READ_WITH_ICAL_JS = """
async ([source, text, count]) => {
  const ICAL = (await import("data:text/javascript;charset=utf-8," + encodeURIComponent(source))).default;
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const starts = {};
  for (const component of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(component);
    const found = [];
    const each = event.iterator();
    for (let next = each.next(); next && found.length < count; next = each.next()) {
      found.push(next.toUnixTime());
    }
    starts[event.summary] = found;
  }
  return starts;
}
"""


def read_with_ical_js(chromium_path, text, count):
    """Started only once the test's database work is done: while Playwright's event loop runs in this
    thread, Django would open another connection, outside the test's transaction."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (as in tests/test_browser.py)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(timezone_id="UTC").new_page()
            return page.evaluate(READ_WITH_ICAL_JS, [ICAL_JS.read_text(), text, count])
        finally:
            browser.close()


@pytest.mark.parametrize("prefix", ["", "/ru", "/kk"])
def test_ical_js_places_every_timed_event_where_icalendar_does(client, chromium_path, prefix):
    make_key_date(title="Hearing", date=D(2026, 12, 3), time=datetime.time(10, 30), recurrence=KeyDate.Recurrence.ONCE)
    # Almaty moved from UTC+6 to UTC+5 on 1 March 2024: the yearly vigil's first years are an hour apart.
    make_key_date(title="Vigil", date=D(2022, 12, 16), time=datetime.time(10, 30))
    berlin = make_campaign(timezone="Europe/Berlin")
    make_key_date(campaign=berlin, title="Rally", date=D(2026, 7, 1), time=datetime.time(18, 0), recurrence="once")
    make_action(title="Write", title_ru="Напишите", title_kk="Жазыңыз", deadline_time=datetime.time(18, 0))
    text = client.get(f"{prefix}/calendar.ics").content.decode()
    calendar = read(client, f"{prefix}/calendar.ics")
    timed = [event for event in calendar.walk("VEVENT") if isinstance(event.decoded("DTSTART"), datetime.datetime)]
    expected = {
        str(event["SUMMARY"]): [int(moment.timestamp()) for moment in instants(calendar, event, 4)] for event in timed
    }
    assert len(expected) == 4
    by_ical_js = read_with_ical_js(chromium_path, text, 4)
    for summary, starts in expected.items():
        assert by_ical_js[summary] == starts, summary
    hearing = datetime.datetime(2026, 12, 3, 5, 30, tzinfo=datetime.UTC)
    assert by_ical_js["Hearing"] == [int(hearing.timestamp())]
