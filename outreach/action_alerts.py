"""Actions in the outbox: the news when an action opens, one reminder before its deadline, and the
outcome to those who took part; and a subscriber's "I did it".

Planned by the reminder tick as reminders are (one INSERT ... SELECT per action and kind, the outbox's
unique key making each email once however many ticks run), and sent by the same sender. Who gets what:

- the news: active subscribers who want action alerts and follow the action's campaign, one of its
  public people or one of its public demands, once per action (its key carries the action's creation
  date, so a moved deadline sends no second news);
- the reminder: the same followers, ACTION_REMINDER_DAYS before the deadline, unless they marked it
  done, and only to those whose news went out a day before at least (never both at once);
- the outcome: whoever marked it done through their personal link and still subscribes, whatever
  their alert choice, once the action is closed with an outcome.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from actions.models import Action, Participation
from actions.services import count_participation
from core.publishing import public_rows

from .models import ActionDone, Delivery, Subscriber
from .planning import record_deliveries

NEWS, DEADLINE, OUTCOME = "open", "deadline", "outcome"
# The reminder follows the news by a day at least: an action that opens close to its deadline
# gets one email, which says the deadline.
NEWS_BEFORE_REMINDER = datetime.timedelta(days=1)
DONE_SALT = "outreach.action-done"


@dataclass(frozen=True)
class ActionOccasion:
    key: str
    title: str
    date: datetime.date


def occasion_key(action_id, what):
    return f"action:{action_id}:{what}"


def parse_key(key):
    """(action id, what) of an action email's key, or (None, None)."""
    prefix, _sep, rest = key.partition(":")
    action_id, _sep, what = rest.partition(":")
    if prefix != "action" or not action_id.isdigit() or what not in (NEWS, DEADLINE, OUTCOME):
        return None, None
    return int(action_id), what


def _occasion(action, what):
    # The deadline reminder is keyed by its deadline (a moved deadline is worth one more reminder);
    # the news and the outcome by the action itself.
    day = action.deadline if what == DEADLINE else action.created_at.date()
    return ActionOccasion(occasion_key(action.pk, what), str(action.title)[:300], day)


def done_salt(action_id):
    return f"{DONE_SALT}.{action_id}"


def followers(action):
    """Active subscribers who want action alerts and follow the action's campaign, one of its public
    people or one of its public demands."""
    people, demands = public_rows(action, "people").values("pk"), public_rows(action, "demands").values("pk")
    follows = Q(campaigns=action.campaign_id) | Q(prisoners__in=people) | Q(demands__in=demands)
    return Subscriber.objects.active().filter(
        action_alerts=True, pk__in=Subscriber.objects.filter(follows).values("pk")
    )


def took_part(action):
    """Active subscribers who marked the action done through their personal link."""
    return Subscriber.objects.active().filter(pk__in=ActionDone.objects.filter(action=action).values("subscriber"))


def plan_actions(now, report):
    """Record every action email due now in the outbox. Returns how many rows are new."""
    created = 0
    kind = Delivery.Kind.ACTION
    for action in Action.objects.published().current(now).select_related("campaign").order_by("pk"):
        group = followers(action)
        created += record_deliveries(_occasion(action, NEWS), 0, group, now, kind=kind)
        if now >= reminder_due(action):
            news_earlier = Delivery.objects.filter(
                subscriber=OuterRef("pk"),
                occasion_key=occasion_key(action.pk, NEWS),
                created_at__lte=now - NEWS_BEFORE_REMINDER,
            )
            done = ActionDone.objects.filter(subscriber=OuterRef("pk"), action=action)
            reminded = group.filter(Exists(news_earlier)).exclude(Exists(done))
            created += record_deliveries(_occasion(action, DEADLINE), 0, reminded, now, kind=kind)
    since = now - datetime.timedelta(days=settings.ACTION_FOLLOW_UP_DAYS)
    for action in Action.objects.published().closed().filter(updated_at__gte=since).order_by("pk"):
        if action.has_outcome:
            created += record_deliveries(_occasion(action, OUTCOME), 0, took_part(action), now, kind=kind)
    return created


def reminder_due(action):
    """When the deadline's reminder is due: ACTION_REMINDER_DAYS before, at the hour reminders go out."""
    day = action.deadline - datetime.timedelta(days=settings.ACTION_REMINDER_DAYS)
    return datetime.datetime.combine(day, datetime.time(settings.REMINDER_LOCAL_HOUR), action.tz)


def not_to_send(delivery, action, done, now):
    """(status, reason, outcome) when an action email is no longer to be sent, else None. `action`:
    the public action (None when it is no longer public); `done`: whether its reader marked it done."""
    _action_id, what = parse_key(delivery.occasion_key)
    if not delivery.subscriber.is_active:
        return Delivery.Status.CANCELLED, "The subscriber has unsubscribed.", "cancelled"
    if action is None:
        return Delivery.Status.CANCELLED, "The action is no longer public.", "cancelled"
    if what in (NEWS, DEADLINE) and not action.is_current(now):
        return Delivery.Status.CANCELLED, "The action closed before this email could be sent.", "cancelled"
    if what == DEADLINE and done:
        return Delivery.Status.CANCELLED, "The reader marked the action done.", "cancelled"
    if what == DEADLINE and delivery.occurrence != action.deadline:
        return Delivery.Status.CANCELLED, "The deadline moved; a reminder for the new one is planned.", "cancelled"
    if what == OUTCOME and not action.has_outcome:
        return Delivery.Status.CANCELLED, "The action has no outcome any more.", "cancelled"
    return None


def days_to_deadline(action, now):
    return (action.deadline - now.astimezone(action.tz).date()).days


def personal_link(action):
    """The "I did it" link of an email about `action`, as emails.PERSONAL_LINKS describes links."""
    return ("done_url", "action_done_personal", done_salt(action.pk), (action.slug,))


@transaction.atomic
def mark_done(subscriber, action, now=None):
    """A subscriber did the action: counted once however often their link is used, and no reminder
    of its deadline. Returns whether this was the first time."""
    now = now or timezone.now()
    _done, created = ActionDone.objects.get_or_create(subscriber=subscriber, action=action)
    if created:
        count_participation(action, subscriber.language, Participation.Channel.SUBSCRIBER, now)
        Delivery.objects.filter(
            subscriber=subscriber, occasion_key=occasion_key(action.pk, DEADLINE), status=Delivery.Status.PENDING
        ).update(status=Delivery.Status.CANCELLED, last_error="The reader marked the action done.")
    return created


def has_done(subscriber, action):
    return ActionDone.objects.filter(subscriber=subscriber, action=action).exists()
