import datetime
import zoneinfo

from babel.dates import get_timezone_location
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

FEB_28, MAR_1 = "feb28", "mar1"


def yearly_date(first, year, leap_day_rule=FEB_28):
    """The date of a yearly event that first happened on `first`, in `year` (None before it began)."""
    if year < first.year:
        return None
    try:
        return first.replace(year=year)
    except ValueError:  # 29 February in a common year
        return datetime.date(year, 3, 1) if leap_day_rule == MAR_1 else datetime.date(year, 2, 28)


def yearly_dates_between(first, start, end, leap_day_rule=FEB_28):
    """Every date of a yearly event from `start` to `end`, both included, in order."""
    days = (yearly_date(first, year, leap_day_rule) for year in range(start.year, end.year + 1))
    return [day for day in days if day and start <= day <= end]


def local_today(tz_name=None):
    """Today where the campaign is: in Almaty it is already tomorrow for most of a UTC evening."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(tz_name or settings.DEFAULT_CAMPAIGN_TIMEZONE))


def local_day(moment, tz_name=None):
    """The day a moment fell on where the campaign is."""
    return timezone.localdate(moment, timezone=zoneinfo.ZoneInfo(tz_name or settings.DEFAULT_CAMPAIGN_TIMEZONE))


class Precision(models.TextChoices):
    """How much of a date is known. Sources often say only "in April 2011" or "in 2019", and the
    record must not look more certain than they are. The date stored is the first day of what is known."""

    DAY = "day", _("Exact day")
    MONTH = "month", _("Month only")
    YEAR = "year", _("Year only")


class ChangePrecision(models.TextChoices):
    """A status change's date: as `Precision`, or only the day it was recorded (rows from before the
    record asked when a change happened, and changes made by code that could not say)."""

    DAY = Precision.DAY.value, Precision.DAY.label
    MONTH = Precision.MONTH.value, Precision.MONTH.label
    YEAR = Precision.YEAR.value, Precision.YEAR.label
    RECORDED = "recorded", _("Not known: the day it was recorded")


def precision_field(verbose_name=None, choices=Precision, default=Precision.DAY):
    return models.CharField(
        verbose_name or _("date known to"),
        max_length=8,
        choices=choices.choices,
        default=default,
        help_text=_("For a month or a year only, any day in it will do."),
    )


def period_start(day, precision):
    """The first day of the period a partial date stands for (the date as stored)."""
    if precision == Precision.YEAR:
        return day.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return day.replace(day=1)
    return day


def period_end(day, precision):
    """The last day of the period a partial date stands for: the day by which it had surely happened."""
    if precision == Precision.YEAR:
        return day.replace(month=12, day=31)
    if precision == Precision.MONTH:
        return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    return day


def normalise_partial_dates(record, *fields):
    """Store each partial date as the first day of its period, so that sorting, filtering by year and
    comparing dates work on the column alone."""
    for field in fields:
        day = getattr(record, field)
        if day:
            setattr(record, field, period_start(day, getattr(record, f"{field}_precision")))


def iso_partial(day, precision):
    """The date as precise as it is known, as HTML's `<time datetime>` and the API write it: 2011-04-16,
    2011-04 or 2011."""
    if precision == Precision.YEAR:
        return f"{day.year:04d}"
    if precision == Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def partial_date(day, precision):
    """The date in the reader's language, as precise as it is known: "16 December 2011", "April 2011",
    "2011"; a status change known only by the day it was recorded says so."""
    if precision == Precision.YEAR:
        return date_format(day, "Y")
    if precision == Precision.MONTH:
        text = date_format(day, "YEAR_MONTH_FORMAT")
        if get_language() != settings.LANGUAGE_CODE:
            # Russian and Kazakh write a month's name in lower case ("апрель 2011 г."); Django gives it capitalised.
            month = date_format(day, "F")
            text = text.replace(month, month.lower())
        return text
    if precision == ChangePrecision.RECORDED:
        return _("recorded on %(date)s") % {"date": day_in_words(day)}
    return day_in_words(day)


def day_in_words(day, weekday=False):
    """A full date as the reader's language writes it: "16 December 2011", "16 декабря 2011 г.",
    "2011 ж. 16 желтоқсан"; with its weekday (emails), "Friday 16 December 2011", "пятница, 16 декабря
    2011 г.", "2011 ж. 16 желтоқсан, жұма" (WEEKDAY_DATE_FORMAT in config/formats)."""
    text = date_format(day, "WEEKDAY_DATE_FORMAT" if weekday else "DATE_FORMAT")
    if get_language() != settings.LANGUAGE_CODE:
        # Russian and Kazakh write the names of months and days in lower case; Django capitalises
        # them (Kazakh has no genitive month of its own, so "E" gives the capitalised name too).
        for name in ("l", "E", "F"):
            shown = date_format(day, name)
            text = text.replace(shown, shown.lower())
    return text


def zone_city(tz_name):
    """The city a time zone is named after, in the reader's language: "Almaty", "Алматы" for
    Asia/Almaty (CLDR's names, through Babel). A zone's identifier is not a word a reader reads."""
    try:
        locale = to_locale(get_language() or settings.LANGUAGE_CODE)
        return get_timezone_location(tz_name, locale=locale, return_city=True)
    except LookupError:
        return tz_name
