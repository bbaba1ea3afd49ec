"""Planning: which reminders are due now, recorded once each in the outbox.

For every occasion in the coming weeks and every active subscriber who follows it, the shortest
lead time whose moment has come (REMINDER_LOCAL_HOUR campaign time, N days before) gets a Delivery
row. The row's unique key makes planning idempotent: two ticks at once plan it once.

The database joins each occasion to its followers; they are read a page at a time, in key order,
so a tick's memory does not grow with the number of subscribers.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from .models import LEAD_DAY_CHOICES, Delivery, Subscriber, validate_lead_days
from .occasions import occasions_between

MAX_LEAD_DAYS = max(days for days, _label in LEAD_DAY_CHOICES)
PAGE = 2000  # followers read, and outbox rows written, at a time


def occasion_start(occasion):
    return datetime.datetime.combine(occasion.date, datetime.time.min, zoneinfo.ZoneInfo(occasion.tz))


def due_lead(occasion, lead_days, now):
    """The shortest lead time whose sending moment has come, while the date is still ahead.

    Only the shortest: after a missed window, a reader gets one reminder ("tomorrow"), not a
    late "in 7 days" as well. None when nothing is due or the day has begun.
    """
    if now >= occasion_start(occasion):
        return None
    tz = zoneinfo.ZoneInfo(occasion.tz)
    hour = datetime.time(settings.REMINDER_LOCAL_HOUR)
    due = [lead for lead in lead_days if datetime.datetime.combine(occasion.date - datetime.timedelta(days=lead), hour, tz) <= now]
    return min(due) if due else None


def due_pages(now, errors):
    """Lists of (occasion, subscriber id, lead days), a page at a time, for every reminder due now.

    A malformed record (a subscriber's preferences, a key date) is left out and named in `errors`;
    everyone else's reminders are planned as usual.
    """
    today = now.astimezone(datetime.UTC).date()
    start, end = today - datetime.timedelta(days=1), today + datetime.timedelta(days=MAX_LEAD_DAYS + 1)
    for occasion in occasions_between(start, end, errors):
        if now >= occasion_start(occasion):
            continue
        for page in _follower_pages(occasion):
            due = []
            for subscriber_id, lead_days in page:
                try:
                    validate_lead_days(lead_days)
                except ValidationError:
                    errors.append(f"Subscriber {subscriber_id}: 'days before' is not a list of days ({lead_days!r}); skipped.")
                    continue
                lead = due_lead(occasion, lead_days, now)
                if lead is not None:
                    due.append((occasion, subscriber_id, lead))
            if due:
                yield due


def due_reminders(now, errors=None):
    """Every reminder due now, as one list (for a dry run, which shows them)."""
    return [due for page in due_pages(now, [] if errors is None else errors) for due in page]


def _follower_pages(occasion):
    follows = Q(campaigns__in=occasion.campaign_ids) | Q(prisoners__in=occasion.prisoner_ids)
    followers = Subscriber.objects.active().filter(follows).distinct().order_by("pk").values_list("pk", "lead_days")
    last = 0
    while page := list(followers.filter(pk__gt=last)[:PAGE]):
        yield page
        last = page[-1][0]


def plan(now, report):
    """Record every reminder due now in the outbox. Returns how many rows are new."""
    since = timezone.now()
    for page in due_pages(now, report.errors):
        report.planned += len(page)
        record_deliveries(page, now)
    # Counted by the (indexed) creation time: the planner lock keeps other planners out meanwhile.
    return Delivery.objects.filter(kind=Delivery.Kind.REMINDER, created_at__gte=since).count()


def record_deliveries(due, now):
    rows = [
        Delivery(subscriber_id=subscriber_id, occasion_key=occasion.key, occurrence=occasion.date, lead_days=lead,
                 title=occasion.title[:300], next_attempt_at=now)
        for occasion, subscriber_id, lead in due
    ]
    # The unique key turns a second planning of the same reminder (another tick, a rerun) into nothing.
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=PAGE)
