"""Dates as precise as they are known, in the reader's language, inside a <time> element; in emails,
full dates in words."""

import datetime

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html

from ..dates import ChangePrecision, Precision, day_in_words, iso_partial, partial_date, zone_city

register = template.Library()


@register.simple_tag
def partial(day, precision=Precision.DAY, short=False):
    """`{% partial day precision %}`: "16 December 2011", "April 2011", "2011" (`short`: a full date
    as SHORT_DATE_FORMAT, for lists)."""
    if not day:
        return ""
    iso = iso_moment(day) if precision in (Precision.DAY, ChangePrecision.RECORDED) else iso_partial(day, precision)
    text = (
        date_format(day, "SHORT_DATE_FORMAT") if short and precision == Precision.DAY else partial_date(day, precision)
    )
    return format_html('<time datetime="{}">{}</time>', iso, text)


@register.filter
def iso_moment(value):
    """`{{ moment|iso_moment }}`: a date or a time as a <time datetime> takes it: "2026-12-07", or to the
    second, "2026-12-07T14:12:55+00:00" (the Nu checker refuses microseconds, which isoformat() keeps)."""
    if isinstance(value, datetime.datetime | datetime.time):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat() if value else ""


@register.simple_tag
def when(record, field, short=False):
    """`{% when person "arrested_on" %}`: a record's date with its precision (the `<field>_precision`
    beside it)."""
    return partial(getattr(record, field), getattr(record, f"{field}_precision", Precision.DAY), short)


@register.simple_tag
def full_date(day, weekday=False):
    """`{% full_date occasion.date weekday=True %}`: "среда, 16 декабря 2026 г." (emails, which have no
    <time> element to carry the date for machines)."""
    return day_in_words(day, weekday) if day else ""


@register.filter
def city(tz_name):
    """`{{ occasion.tz|city }}`: "Алматы" for Asia/Almaty."""
    return zone_city(tz_name)
