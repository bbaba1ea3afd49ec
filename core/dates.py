import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone

FEB_28, MAR_1 = "feb28", "mar1"


def yearly_date(first, year, leap_day_rule=FEB_28):
    """The date of a yearly event that first happened on `first`, in `year` (None before it began)."""
    if year < first.year:
        return None
    try:
        return first.replace(year=year)
    except ValueError:  # 29 February in a common year
        return datetime.date(year, 3, 1) if leap_day_rule == MAR_1 else datetime.date(year, 2, 28)


def yearly_dates_between(first, start, end, leap_day_rule=FEB_28):
    """Every date of a yearly event from `start` to `end`, both included, in order."""
    days = (yearly_date(first, year, leap_day_rule) for year in range(start.year, end.year + 1))
    return [day for day in days if day and start <= day <= end]


def local_today(tz_name=None):
    """Today where the campaign is: in Almaty it is already tomorrow for most of a UTC evening."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(tz_name or settings.DEFAULT_CAMPAIGN_TIMEZONE))
