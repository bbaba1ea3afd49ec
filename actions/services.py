"""Counting who took part: a tally per action, day, language and channel, raised by one; and reading
the tallies back, as the admin shows them."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import Participation


def count_participation(action, language, channel, now=None):
    """One more participant of `action`. Returns the action's new total."""
    day = (now or timezone.now()).astimezone(action.tz).date()
    tally = Participation.objects.filter(action=action, day=day, language=language, channel=channel)
    with transaction.atomic():
        if not tally.update(count=F("count") + 1):
            try:
                # Savepoint: two first clicks of the day race to create the row; the loser adds to it.
                with transaction.atomic():
                    Participation.objects.create(action=action, day=day, language=language, channel=channel, count=1)
            except IntegrityError:
                tally.update(count=F("count") + 1)
    return participants(action)


def participants(action):
    return Participation.objects.filter(action=action).aggregate(total=Sum("count"))["total"] or 0


def participants_over_time(action, today, points=60):
    """[(day, everyone counted up to that day)] from the action's start to today (or its deadline, or
    the last day counted, whichever is latest but not in the future), in at most `points` steps: a
    long-lived action's days are grouped, so that the chart stays legible and its figures few."""
    by_day = list(
        Participation.objects.filter(action=action)
        .order_by("day")
        .values("day")
        .annotate(total=Sum("count"))
        .values_list("day", "total")
    )
    if not by_day:
        return []
    start = min(action.starts_on, by_day[0][0])
    end = max(min(today, action.deadline), by_day[-1][0])
    step = -(-((end - start).days + 1) // points)  # days per point, rounded up
    series, total, rows = [], 0, iter(by_day)
    pending = next(rows, None)
    day = start + datetime.timedelta(days=step - 1)
    while True:
        day = min(day, end)
        while pending is not None and pending[0] <= day:
            total += pending[1]
            pending = next(rows, None)
        series.append((day, total))
        if day == end:
            return series
        day += datetime.timedelta(days=step)


def participants_by_language(action):
    """{(language, channel): count} for every language and channel that has counted someone."""
    counted = Participation.objects.filter(action=action).order_by().values("language", "channel")
    return {(row["language"], row["channel"]): row["total"] for row in counted.annotate(total=Sum("count"))}
