import datetime
import zoneinfo
from typing import NamedTuple

from django.conf import settings
from django.utils import timezone


def local_today(tz_name=None):
    """Today where the campaign is: in Almaty it is already tomorrow for most of a UTC evening."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(tz_name or settings.DEFAULT_CAMPAIGN_TIMEZONE))


class Occurrence(NamedTuple):
    date: datetime.date
    key_date: object

    @property
    def anniversary(self):
        return self.key_date.anniversary_number(self.date)


def upcoming_occurrences(key_dates, start, days=365, limit=None):
    """The dates on which `key_dates` fall from `start` for `days` days, soonest first.

    Yearly dates have no single row per year, so this is computed in Python over the key dates
    (a campaign has tens of them, not thousands).
    """
    end = start + datetime.timedelta(days=days)
    found = [Occurrence(day, key_date) for key_date in key_dates for day in key_date.occurrences_between(start, end)]
    found.sort(key=lambda occurrence: (occurrence.date, occurrence.key_date.title))
    return found[:limit] if limit else found
