"""The periodic jobs: the reminder tick and the weekly staff digest.

The tick (Celery beat, or `manage.py send_reminders`) expires unconfirmed subscriptions, plans what
is due (`planning`, one planner at a time) and sends everything waiting in the outbox (`sending`):
reminders, subscription emails the broker could not take, digests to retry. Then it records how it
went for /healthz and the admin.
"""

import datetime
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .action_alerts import plan_actions
from .digest import plan_staff_digest
from .models import Delivery, DeliveryTally, TickRecord
from .planning import due_reminders, plan
from .sending import Report, send_now, send_pending
from .subscriptions import expire_unconfirmed

TICK = "reminders"
PLANNER = "reminder-planner"


def run_reminders(now=None, dry_run=False):
    now = now or timezone.now()
    report = Report()
    if dry_run:
        report.due = due_reminders(now, report.errors)
        report.planned = len(report.due)
        return report
    TickRecord.objects.update_or_create(name=TICK, defaults={"started_at": timezone.now()})
    succeeded = False
    try:
        report.expired_subscriptions = expire_unconfirmed(now)
        report.pruned = prune_deliveries(now)
        with planner_lock() as held:
            if held:
                report.created = plan(now, report) + plan_actions(now, report)
            else:
                report.planner_busy = True
        send_pending(now, report)
        succeeded = True  # ran to the end, even if some rows had errors (they are in the report)
    finally:
        finished = {"finished_at": timezone.now(), "report": report.summary()}
        if succeeded:
            finished["succeeded_at"] = finished["finished_at"]
        TickRecord.objects.filter(name=TICK).update(**finished)
    return report


@contextmanager
def planner_lock():
    """Held by one planner at a time (the row is locked FOR UPDATE); another tick skips planning.

    Planning twice at once would still be safe (the outbox's unique key), only wasted work. On
    SQLite, which has no row locks, the database lets one writer through at a time anyway.
    """
    TickRecord.objects.get_or_create(name=PLANNER)
    with transaction.atomic():
        held = bool(TickRecord.objects.select_for_update(skip_locked=True).filter(name=PLANNER))
        yield held


def tick_problem(now=None, running_since=None):
    """Why the reminders look stuck (for /healthz), or None while the last successful tick is recent.
    Before any tick has succeeded, a site running for less than three intervals is only starting
    (the worker runs a tick when it starts: config/celery.py)."""
    now = now or timezone.now()
    tick = TickRecord.objects.filter(name=TICK).first()
    if tick is None or tick.succeeded_at is None:
        never_ran = tick is None or tick.finished_at is None  # a tick that ran and crashed is a problem now
        grace = datetime.timedelta(seconds=3 * settings.REMINDER_TICK_SECONDS)
        if never_ran and running_since is not None and now - running_since <= grace:
            return None
        return "no reminder tick has succeeded yet"
    age = now - tick.succeeded_at
    if age > datetime.timedelta(seconds=3 * settings.REMINDER_TICK_SECONDS):
        return f"the last successful reminder tick was {int(age.total_seconds() // 60)} minutes ago"
    return None


def send_staff_digest(now=None):
    """Plan this week's digest (once) and send it now; what fails is retried by the tick."""
    ids = plan_staff_digest(now)
    if ids:
        send_now(ids, now)
    return len(ids)


def prune_deliveries(now):
    """Outbox rows older than REMINDER_RETENTION_DAYS go, once their outcome is final; the counts
    stay (DeliveryTally, per month, kind and status), so the record of what was sent survives."""
    cutoff = now - datetime.timedelta(days=settings.REMINDER_RETENTION_DAYS)
    final = [Delivery.Status.SENT, Delivery.Status.FAILED, Delivery.Status.UNCERTAIN, Delivery.Status.CANCELLED]
    old = Delivery.objects.filter(created_at__lt=cutoff, status__in=final)
    with transaction.atomic():
        counts = old.annotate(month=TruncMonth("created_at")).values("month", "kind", "status").annotate(n=Count("pk"))
        for row in counts:
            tally, _ = DeliveryTally.objects.select_for_update().get_or_create(
                month=row["month"].date(),  # TruncMonth of a date and time is a date and time
                kind=row["kind"],
                status=row["status"],
            )
            DeliveryTally.objects.filter(pk=tally.pk).update(count=F("count") + row["n"])
        pruned, _ = old.delete()
    return pruned
