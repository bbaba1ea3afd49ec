"""iCalendar (RFC 5545) feeds of public key dates, for Google, Apple and Outlook calendars."""

import datetime
import zoneinfo

from icalendar import Calendar, Event, vRecur

from campaigns.models import KeyDate
from core.site import absolute_url, site_domain

PRODID = "-//Zhanaozen tracker//Key dates//EN"


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


def calendar_for(key_dates, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval;value=duration", "PT12H")
    # DTSTAMP from the newest change keeps the feed byte-identical between edits (cache friendly).
    stamp = max((kd.updated_at for kd in key_dates), default=datetime.datetime(2011, 12, 16, tzinfo=datetime.UTC))
    for key_date in key_dates:
        calendar.add_component(key_date_event(key_date, stamp))
    return calendar.to_ical()
