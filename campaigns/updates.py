"""What changed on the public record, newest first: status changes, timeline events, demand updates.

One service for the home page's "Recent updates" and every Atom feed, so that both show exactly
the same public facts. People are read through `Prisoner.objects.published()` (an anonymised person
by initials, their marked passages withheld), never through a related row's foreign key.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from core.dates import ChangePrecision, partial_date
from demands.models import Demand, DemandStatusChange
from prisoners.models import Prisoner, PrisonerStatusChange, TimelineEvent


@dataclass(frozen=True)
class Update:
    key: str  # stable: the feed entry's id
    happened_on: datetime.date  # when it happened, as precisely as known: the date shown, and the order
    precision: str  # of happened_on: day, month, year, or "recorded" (not known: the day it was recorded)
    recorded_at: datetime.datetime  # when the record learnt it (a feed entry's publication)
    record: object  # the person or demand, as the public sees it
    text: str
    anchor: str = ""  # the section of the record's page it concerns
    grade: str = ""  # how sure: confirmed, reported or alleged
    grade_label: str = ""  # worded as on the record's page, in the reader's language

    @property
    def url(self):
        return f"{self.record.get_absolute_url()}{self.anchor}"

    @property
    def when(self):
        """The date in words, as precisely as it is known."""
        return partial_date(self.happened_on, self.precision)

    @property
    def order(self):
        return (self.happened_on, self.recorded_at, self.key)


NEWEST = ("-happened_on", "-changed_at", "-pk")


def public_updates(limit, people=None, demands=None):
    """The latest `limit` updates of these people and demands (querysets; None: all of them public)."""
    people = Prisoner.objects.published() if people is None else people
    demands = Demand.objects.published() if demands is None else demands
    # Each read newest first along its date index, stopping after `limit` rows whose record is public
    # (a correlated EXISTS; "IN (the public people)" would have the planner fetch every public
    # person's changes and sort them all).
    public_person = Exists(people.filter(pk=OuterRef("prisoner_id")))
    public_demand = Exists(demands.filter(pk=OuterRef("demand_id")))
    return _latest(
        limit,
        people,
        demands,
        PrisonerStatusChange.objects.public().filter(public_person),
        TimelineEvent.objects.public().filter(public_person),
        DemandStatusChange.objects.public().filter(public_demand),
    )


def updates_of(limit, record):
    """The latest `limit` updates of one public person or demand, read through that record's own rows:
    walking the site's date index and checking each row's record would read every newer update of
    everyone else first."""
    if isinstance(record, Demand):
        return _latest(
            limit,
            Prisoner.objects.none(),
            Demand.objects.published().filter(pk=record.pk),
            PrisonerStatusChange.objects.none(),
            TimelineEvent.objects.none(),
            DemandStatusChange.objects.public().filter(demand_id=record.pk),
        )
    return _latest(
        limit,
        Prisoner.objects.published().filter(pk=record.pk),
        Demand.objects.none(),
        PrisonerStatusChange.objects.public().filter(prisoner_id=record.pk),
        TimelineEvent.objects.public().filter(prisoner_id=record.pk),
        DemandStatusChange.objects.none(),
    )


def _latest(limit, people, demands, changes, events, demand_changes):
    changes = list(changes.order_by(*NEWEST)[:limit])
    events = list(events.order_by("-date", "-pk")[:limit])
    demand_changes = list(demand_changes.order_by(*NEWEST)[:limit])
    # Unordered: in the list's order, the planner would walk every public person to find a few.
    faces = people.order_by().in_a_line().in_bulk({row.prisoner_id for row in [*changes, *events]})
    public_demands = demands.order_by().in_bulk({row.demand_id for row in demand_changes})
    # A row whose record the public may not see (a withdrawn person's, on a one-record feed) is left out.
    updates = [
        _status(change, "person", faces[change.prisoner_id]) for change in changes if change.prisoner_id in faces
    ]
    updates += [
        _status(change, "demand", public_demands[change.demand_id])
        for change in demand_changes
        if change.demand_id in public_demands
    ]
    updates += [
        Update(
            f"event-{event.pk}",
            event.date,
            event.date_precision,
            _midnight(event.date),
            faces[event.prisoner_id],
            event.title,
            "#timeline-heading",
            event.grade,
            str(event.get_grade_display()),
        )
        for event in events
        if event.prisoner_id in faces
    ]
    updates.sort(key=lambda update: update.order, reverse=True)
    return updates[:limit]


def _status(change, kind, record):
    if change.old_status:
        text = _("status now %(status)s") % {"status": change.get_new_status_display()}
    elif change.happened_on_precision == ChangePrecision.RECORDED:
        # A first entry not known to have happened on a date: the day the record was added.
        text = _("added to the tracker")
    else:
        text = str(change.get_new_status_display())
    return Update(
        f"{kind}-status-{change.pk}",
        change.happened_on,
        change.happened_on_precision,
        change.changed_at,
        record,
        text,
        "#history-heading",
        change.grade,
        str(change.get_grade_display()),
    )


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
