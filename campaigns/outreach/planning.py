"""Planning: which reminders are due now, recorded once each in the outbox.

For every occasion in the coming weeks and every active subscriber who follows it, the shortest
lead time whose moment has come (REMINDER_LOCAL_HOUR campaign time, N days before) gets a Delivery
row. The row's unique key makes planning idempotent: two ticks at once plan it once.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError

from .models import LEAD_DAY_CHOICES, Delivery, Subscriber, validate_lead_days
from .occasions import occasions_between

MAX_LEAD_DAYS = max(days for days, _label in LEAD_DAY_CHOICES)


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


def due_reminders(now, errors=None):
    """(occasion, subscriber id, lead days) for every reminder due now.

    A malformed record (a subscriber's preferences, a key date) is left out and named in `errors`;
    everyone else's reminders are planned as usual.
    """
    errors = [] if errors is None else errors
    today = now.astimezone(datetime.UTC).date()
    start, end = today - datetime.timedelta(days=1), today + datetime.timedelta(days=MAX_LEAD_DAYS + 1)
    occasions = occasions_between(start, end, errors)
    if not occasions:
        return []
    followers = _Followers(errors)
    due = []
    for occasion in occasions:
        for subscriber_id in followers.of(occasion):
            lead = due_lead(occasion, followers.lead_days[subscriber_id], now)
            if lead is not None:
                due.append((occasion, subscriber_id, lead))
    return due


class _Followers:
    """Who follows what, loaded in three queries whatever the number of subscribers."""

    def __init__(self, errors):
        active = Subscriber.objects.active()
        self.lead_days = {}
        for subscriber_id, lead_days in active.values_list("pk", "lead_days"):
            try:
                validate_lead_days(lead_days)
            except ValidationError:
                errors.append(f"Subscriber {subscriber_id}: 'days before' is not a list of days ({lead_days!r}); skipped.")
                continue
            self.lead_days[subscriber_id] = lead_days
        self.by_campaign, self.by_person = {}, {}
        campaign_links = Subscriber.campaigns.through.objects.filter(subscriber__in=active)
        for subscriber_id, campaign_id in campaign_links.values_list("subscriber_id", "campaign_id"):
            self.by_campaign.setdefault(campaign_id, set()).add(subscriber_id)
        person_links = Subscriber.prisoners.through.objects.filter(subscriber__in=active)
        for subscriber_id, person_id in person_links.values_list("subscriber_id", "prisoner_id"):
            self.by_person.setdefault(person_id, set()).add(subscriber_id)

    def of(self, occasion):
        found = set()
        for campaign_id in occasion.campaign_ids:
            found |= self.by_campaign.get(campaign_id, set())
        for person_id in occasion.prisoner_ids:
            found |= self.by_person.get(person_id, set())
        return sorted(found & self.lead_days.keys())


def record_deliveries(due, now):
    rows = [
        Delivery(subscriber_id=subscriber_id, occasion_key=occasion.key, occurrence=occasion.date, lead_days=lead,
                 title=occasion.title[:300], next_attempt_at=now)
        for occasion, subscriber_id, lead in due
    ]
    before = Delivery.objects.count()
    # The unique key turns a second planning of the same reminder (another tick, a rerun) into nothing.
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return Delivery.objects.count() - before
