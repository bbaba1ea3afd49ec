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
from core.figures import figure
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
    # A sweep: each arrest adds its people from its day, each release or death takes them away the day
    # it happened; walking the changes in date order, every checkpoint reads the running total.
    changes = sorted([(start, n) for start, _end, n in periods] + [(end, -n) for _start, end, n in periods if end])
    held, total, index = [], 0, 0
    for day in days:
        while index < len(changes) and changes[index][0] <= day:
            total += changes[index][1]
            index += 1
        held.append((day, total))
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
    """The figures of the statistics page, in the reader's language: counted once per version of the
    public record and per day (core.figures), put into words for each request."""
    raw = figure(f"statistics:{today.isoformat()}", lambda: _raw(today))
    return _present(raw)


def _raw(today):
    """The figures as plain data (codes, dates, counts, every language's name), for core.figures."""
    people = Prisoner.objects.published()
    demands = Demand.objects.published()
    held = custody(people, today)
    updates = updates_over_time(people, demands, today)
    names = [f"addressees__name_{code}" for code, _name in settings.LANGUAGES]
    addressed = demands.order_by().values("addressees__pk", *names).annotate(n=Count("pk", distinct=True))
    return {
        "people_by_status": _counts(people, "status"),
        "custody": {
            "held": [(day.isoformat(), n) for day, n in held.held],
            "yearly": held.yearly,
            "not_arrested": held.not_arrested,
            "end_unknown": held.end_unknown,
            "counted": held.counted,
        },
        "demands_by_status": _counts(demands, "status"),
        "addressees": [
            [
                row["addressees__pk"],
                {code: row[f"addressees__name_{code}"] for code, _n in settings.LANGUAGES},
                row["n"],
            ]
            for row in addressed
        ],
        "updates": {
            "periods": [(p.start.isoformat(), p.people, p.demands, p.events) for p in updates.periods],
            "yearly": updates.yearly,
        },
    }


def _present(raw):
    language = get_language() or settings.LANGUAGE_CODE
    people, demands = raw["people_by_status"], raw["demands_by_status"]
    named = [(names.get(language) or names[settings.LANGUAGE_CODE], n) for pk, names, n in raw["addressees"] if pk]
    addressees = [Point(name, n) for name, n in sorted(named, key=lambda item: (-item[1], item[0]))]
    unaddressed = sum(n for pk, _names, n in raw["addressees"] if pk is None)
    if unaddressed:
        addressees.append(Point(_("No addressee on record"), unaddressed))
    held = raw["custody"]
    updates = raw["updates"]
    return {
        "people_by_status": [Point(str(label), people[value]) for value, label in Status.choices if people.get(value)],
        "custody": Custody(
            [(datetime.date.fromisoformat(day), n) for day, n in held["held"]],
            held["yearly"],
            held["not_arrested"],
            held["end_unknown"],
            held["counted"],
        ),
        "demands_by_status": [
            Point(str(label), demands[value]) for value, label in DemandStatus.choices if demands.get(value)
        ],
        "demands_by_addressee": addressees,
        "updates": UpdatesOverTime(
            [PeriodOfUpdates(datetime.date.fromisoformat(start), *counts) for start, *counts in updates["periods"]],
            updates["yearly"],
        ),
    }
