"""iCalendar (RFC 5545) feeds of public key dates and open actions' deadlines, for Google, Apple and
Outlook calendars. A calendar's text is in the language of its address (/ru/calendar.ics is Russian)."""

import datetime
import functools
import zoneinfo

from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vRecur

from actions.models import Action
from campaigns.models import KeyDate
from core.site import absolute_url, site_domain

PRODID = "-//Zhanaozen tracker//Key dates//EN"

# A yearly date recurs for ever, and past the last change a VTIMEZONE describes a reader keeps the offset
# it reached: with icalendar's default end (2038) a zone with summer time would be an hour off every
# summer after it.
ZONES_UNTIL = datetime.date(2100, 1, 1)


def _recurrence(key_date):
    if key_date.recurrence != KeyDate.Recurrence.YEARLY:
        return None
    if (key_date.date.month, key_date.date.day) == (2, 29):
        # Last day of February (28 or 29), or the 60th day of the year (29 February or 1 March).
        if key_date.leap_day_rule == KeyDate.LeapDay.MAR_1:
            return vRecur(freq="YEARLY", byyearday=60)
        return vRecur(freq="YEARLY", bymonth=2, bymonthday=-1)
    return vRecur(freq="YEARLY")


def key_date_event(key_date, stamp):
    event = Event()
    # Stable: a calendar that re-reads the feed updates the event instead of adding a copy.
    event.add("uid", f"keydate-{key_date.pk}@{site_domain()}")
    event.add("dtstamp", stamp)
    event.add("summary", key_date.title)
    if key_date.time:
        tz = zoneinfo.ZoneInfo(key_date.campaign.timezone)
        start = datetime.datetime.combine(key_date.date, key_date.time, tz)
        event.add("dtstart", start)
        event.add("duration", datetime.timedelta(hours=1))
    else:
        event.add("dtstart", key_date.date)
        event.add("dtend", key_date.date + datetime.timedelta(days=1))
    rule = _recurrence(key_date)
    if rule:
        event.add("rrule", rule)
    if key_date.place:
        event.add("location", key_date.place)
    if key_date.description:
        event.add("description", key_date.description)
    event.add("url", absolute_url(key_date.campaign.get_absolute_url()))
    event.add("categories", [key_date.get_kind_display()])
    return event


def open_deadlines(actions):
    """The public actions (a QuerySet of published ones) whose deadlines a calendar shows: the open ones.
    A closed action's deadline no longer asks anything of anyone."""
    return actions.filter(status=Action.Status.OPEN).select_related("campaign").order_by("deadline", "pk")


def deadline_event(action, stamp):
    event = Event()
    # Stable, and one per language: the summary differs, and a calendar holding two languages' feeds
    # would otherwise take them for one event and keep whichever it read last.
    event.add("uid", f"action-{action.pk}-deadline-{translation.get_language()}@{site_domain()}")
    event.add("dtstamp", stamp)
    event.add("summary", _("Deadline: %(title)s") % {"title": action.title})
    if action.deadline_time:
        # The last hour to act, ending at the deadline, in the campaign's zone (TZID and VTIMEZONE).
        event.add("dtstart", action.deadline_at - datetime.timedelta(hours=1))
        event.add("dtend", action.deadline_at)
    else:
        # "By 15 December" is all of that day: an all-day event on it, shown where the day's tasks are,
        # rather than an hour before midnight that reads as a late appointment.
        event.add("dtstart", action.deadline)
        event.add("dtend", action.deadline + datetime.timedelta(days=1))
    if action.summary:
        event.add("description", action.summary)
    event.add("url", absolute_url(action.get_absolute_url()))
    event.add("categories", [action.get_kind_display()])
    return event


@functools.cache  # slow to compute, and the same for every calendar starting that year; never modified
def _vtimezone(tzid, since_year):
    zone = Timezone.from_tzid(tzid, first_date=datetime.date(since_year, 1, 1), last_date=ZONES_UNTIL)
    # One date per RDATE line: ical.js (Thunderbird's parser) reads only the first date of a list, and
    # put every summer after the first in winter time, an hour off (tests/test_calendar_icaljs.py).
    for part in zone.subcomponents:
        listed = part.pop("RDATE", None)
        for dates in listed if isinstance(listed, list) else [listed] if listed is not None else []:
            for date in dates.dts:
                part.add("rdate", date.dt)
    return zone


def _add_time_zones(calendar, since_year):
    """RFC 5545 wants a VTIMEZONE for every TZID: without it, a reader such as ical.js takes a time as
    floating, in the reader's own zone, hours off for anyone elsewhere."""
    # Sorted, before the events that use them: the file stays byte-identical (its ETag too) whichever
    # process writes it.
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        calendar.subcomponents.insert(position, _vtimezone(tzid, since_year))


def calendar_for(key_dates, name, actions=()):
    """The calendar of these key dates and of these actions' deadlines (see `open_deadlines`)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval;value=duration", "PT12H")
    # DTSTAMP from the newest change keeps the feed byte-identical between edits (cache friendly).
    stamp = max(
        (record.updated_at for record in [*key_dates, *actions]),
        default=datetime.datetime(2011, 12, 16, tzinfo=datetime.UTC),
    )
    for key_date in key_dates:
        calendar.add_component(key_date_event(key_date, stamp))
    for action in actions:
        calendar.add_component(deadline_event(action, stamp))
    years = [kd.date.year for kd in key_dates] + [action.deadline.year for action in actions]
    _add_time_zones(calendar, min(years, default=stamp.year))
    return calendar.to_ical()
