"""What the Atom feeds say of actions: an action opened, an action closed with an outcome.

Entries of the same shape as the record's updates (`campaigns.updates.Update`), so a feed merges both
in one order. Each kind is read newest first along its own index and stops at the feed's limit.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from campaigns.updates import Update
from core.dates import Precision, day_in_words, zone_city
from core.languages import in_every_language


@dataclass(frozen=True)
class ActionUpdate(Update):
    summary: str = ""  # the entry's text: what to do and by when, or what came of it


def deadline_in_words(action):
    """ "15 December 2026", or with its time where it has one: "15 December 2026, 18:00 (Almaty)"."""
    day = day_in_words(action.deadline)
    if not action.deadline_time:
        return day
    return _("%(day)s, %(time)s (%(city)s)") % {
        "day": day,
        "time": time_format(action.deadline_time, "TIME_FORMAT"),
        "city": zone_city(action.campaign.timezone),
    }


def action_updates(limit, actions, now=None):
    """The latest `limit` entries of these public actions (a QuerySet of published ones): each that has
    opened, on its first day, and each closed with an outcome, on the outcome's date."""
    now = now or timezone.now()
    actions = actions.select_related("campaign")
    # An entry once the action opens: announced before, it would sit in a reader's feed dated in the future.
    opened = actions.filter(opens_at__lte=now).order_by("-opens_at", "-pk")[:limit]
    with_outcome = Q()
    for column in in_every_language("outcome"):
        with_outcome |= Q(**{f"{column}__gt": ""})  # neither empty nor NULL, in some language
    closed = actions.closed().filter(with_outcome, outcome_on__isnull=False).order_by("-outcome_on", "-pk")[:limit]
    updates = [_opened(action) for action in opened] + [_closed(action) for action in closed]
    updates.sort(key=lambda update: update.order, reverse=True)
    return updates[:limit]


def _opened(action):
    deadline = deadline_in_words(action)
    return ActionUpdate(
        key=f"action-{action.pk}-opened",
        happened_on=action.starts_on,
        precision=Precision.DAY,
        recorded_at=action.starts_at,
        record=action,
        text=_("new action, deadline %(deadline)s") % {"deadline": deadline},
        summary=_("%(summary)s Deadline: %(deadline)s.") % {"summary": action.summary, "deadline": deadline},
    )


def _closed(action):
    return ActionUpdate(
        key=f"action-{action.pk}-outcome",
        happened_on=action.outcome_on,
        precision=Precision.DAY,
        recorded_at=datetime.datetime.combine(action.outcome_on, datetime.time.min, action.tz),
        record=action,
        text=_("closed, with an outcome"),
        summary=f"{day_in_words(action.outcome_on)}: {action.outcome}",
    )
