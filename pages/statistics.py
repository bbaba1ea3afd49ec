"""The figures of the statistics page, each counted by the database in one grouped query.

Seven queries whatever the number of people: people by status, custody periods, demands by status,
demands by addressee, and the three kinds of update (counted by when they happened). Only what the
public may see is counted: people through `Prisoner.objects.published()` (drafts, archived and
withdrawn people are not), demands through `Demand.objects.published()`, timeline events marked public.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Case, Count, DateField, F, Q, When
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.charts import Point
from core.dates import period_end
from demands.models import Demand, DemandStatusChange
from demands.models import Status as DemandStatus
from prisoners.models import DETAINED_STATUSES, Prisoner, PrisonerStatusChange, Status, TimelineEvent

# Beyond this many months between the first arrest and today, the custody figures are by year.
MONTHLY_SPAN = 36


@dataclass(frozen=True)
class Custody:
    held: list  # (day, how many people held that day), oldest first
    yearly: bool  # the days are the ends of years (else of months), then today
    not_arrested: int  # no arrest date on record (some were never detained)
    end_unknown: int  # no longer held, but neither release nor death date on record
    counted: int


@dataclass(frozen=True)
class PeriodOfUpdates:
    start: datetime.date  # the first day of the month, or of the year
    people: int  # status changes of people (the first one: the status they were first recorded with)
    demands: int
    events: int

    @property
    def total(self):
        return self.people + self.demands + self.events


@dataclass(frozen=True)
class UpdatesOverTime:
    periods: list  # PeriodOfUpdates from the first update's period to today's, oldest first
    yearly: bool


def _counts(queryset, field):
    return {row[field]: row["n"] for row in queryset.order_by().values(field).annotate(n=Count("pk"))}


def people_by_status(people):
    counts = _counts(people, "status")
    return [Point(str(label), counts[value]) for value, label in Status.choices if counts.get(value)]


def demands_by_status(demands):
    counts = _counts(demands, "status")
    return [Point(str(label), counts[value]) for value, label in DemandStatus.choices if counts.get(value)]


def demands_by_addressee(demands):
    # Each language's column by name, the reader's falling back to English (a bare "addressees__name"
    # would read the active language's column alone, NULL where there is no translation).
    columns = ["addressees__name_en", f"addressees__name_{get_language() or settings.LANGUAGE_CODE}"]
    rows = list(demands.order_by().values("addressees__pk", *set(columns)).annotate(n=Count("pk", distinct=True)))
    for row in rows:
        row["name"] = row[columns[1]] or row[columns[0]]
    named = sorted((row for row in rows if row["addressees__pk"] is not None), key=lambda row: (-row["n"], row["name"]))
    points = [Point(row["name"], row["n"]) for row in named]
    unaddressed = sum(row["n"] for row in rows if row["addressees__pk"] is None)
    if unaddressed:
        points.append(Point(_("No addressee on record"), unaddressed))
    return points


def _left_on():
    """The day custody ended: the release or the death, whichever came first."""
    return Case(
        When(released_on__isnull=True, then=F("died_on")),
        When(died_on__isnull=True, then=F("released_on")),
        When(died_on__lt=F("released_on"), then=F("died_on")),
        default=F("released_on"),
        output_field=DateField(),
    )


def _yearly(first, today):
    return (today.year - first.year) * 12 + today.month - first.month > MONTHLY_SPAN


def _checkpoints(first, today):
    """The last day of each month (or year, over a long span) from the first arrest, then today."""
    if _yearly(first, today):
        days = [datetime.date(year, 12, 31) for year in range(first.year, today.year)]
    else:
        month = first.replace(day=1)
        days = []
        while month < today.replace(day=1):
            days.append(month + relativedelta(months=1, days=-1))
            month += relativedelta(months=1)
    return [*days, today]


def custody(people, today):
    """How many people were held on the last day of each month or year since the earliest arrest:
    arrested on or before that day, and neither released nor dead by then."""
    rows = (
        people.order_by()
        .values("arrested_on", "arrested_on_precision", left_on=_left_on(), held_now=Q(status__in=DETAINED_STATUSES))
        .annotate(n=Count("pk"))
    )
    periods, not_arrested, end_unknown = [], 0, 0
    for row in rows:
        if row["arrested_on"] is None:
            not_arrested += row["n"]
        elif row["left_on"] is None and not row["held_now"]:
            end_unknown += row["n"]
        else:
            # An arrest known to the month or year counts from the end of it: the figure never says
            # someone was held before the sources do. A release or death so known counts from its start.
            arrested = min(period_end(row["arrested_on"], row["arrested_on_precision"]), today)
            periods.append((arrested, row["left_on"], row["n"]))
    counted = sum(n for _start, _end, n in periods)
    if not periods:
        return Custody([], False, not_arrested, end_unknown, 0)
    first = min(start for start, _end, _n in periods)
    days = _checkpoints(first, today)
    held = [(day, sum(n for start, end, n in periods if start <= day and (end is None or end > day))) for day in days]
    return Custody(held, _yearly(first, today), not_arrested, end_unknown, counted)


def _per_period(queryset, field, trunc):
    rows = queryset.order_by().values(period=trunc(field)).annotate(n=Count("pk"))
    counts = {}
    for row in rows:
        period = row["period"]
        period = period.date() if isinstance(period, datetime.datetime) else period
        counts[period] = counts.get(period, 0) + row["n"]
    return counts


def updates_over_time(people, demands, today):
    """The updates the home page and the feeds list (`campaigns.updates`), counted in the month they
    happened, or the year over a span longer than MONTHLY_SPAN months, from the first on record to today.
    A change whose date is not known counts on the day it was recorded."""
    counted = (
        (PrisonerStatusChange.objects.public().filter(prisoner__in=people), "happened_on"),
        (DemandStatusChange.objects.public().filter(demand__in=demands), "happened_on"),
        (TimelineEvent.objects.public().filter(prisoner__in=people), "date"),
    )
    by_month = [_per_period(queryset, field, TruncMonth) for queryset, field in counted]
    months = [month for counts in by_month for month in counts]
    if not months:
        return UpdatesOverTime([], False)
    first = min(months)
    yearly = _yearly(first, today)
    if yearly:
        by_month = [_by_year(counts) for counts in by_month]
        starts = [datetime.date(year, 1, 1) for year in range(first.year, today.year + 1)]
    else:
        starts, month = [], first
        while month <= today:
            starts.append(month)
            month += relativedelta(months=1)
    people_counts, demand_counts, event_counts = by_month
    periods = [
        PeriodOfUpdates(start, people_counts.get(start, 0), demand_counts.get(start, 0), event_counts.get(start, 0))
        for start in starts
    ]
    return UpdatesOverTime(periods, yearly)


def _by_year(counts):
    years = {}
    for month, n in counts.items():
        year = month.replace(month=1)
        years[year] = years.get(year, 0) + n
    return years


def statistics(today):
    people = Prisoner.objects.published()
    demands = Demand.objects.published()
    return {
        "people_by_status": people_by_status(people),
        "custody": custody(people, today),
        "demands_by_status": demands_by_status(demands),
        "demands_by_addressee": demands_by_addressee(demands),
        "updates": updates_over_time(people, demands, today),
    }
