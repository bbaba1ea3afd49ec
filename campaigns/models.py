"""Key dates of a campaign: anniversaries, action days and hearings, one-off or yearly."""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import dates
from core.audit import audited
from core.models import Campaign, Source
from core.publishing import Publishable, PublishableQuerySet, Visibility, public_relation
from demands.models import Demand
from prisoners.models import Prisoner


class Occurrence(NamedTuple):
    date: datetime.date
    key_date: "KeyDate"

    @property
    def anniversary(self):
        return self.key_date.anniversary_number(self.date)


class KeyDateQuerySet(PublishableQuerySet):
    def published(self):
        """A key date is public only while its campaign is."""
        return super().published().filter(campaign__visibility=Visibility.PUBLISHED)

    def listed(self):
        """Public key dates as lists show them: with their campaign and their public people."""
        return self.published().select_related("campaign").with_public("people")

    def upcoming(self, start, days=365, limit=None):
        """The dates on which these key dates fall from `start` for `days` days, soonest first.

        Yearly dates have no single row per year, so this is computed in Python over the key dates
        (a campaign has tens of them, not thousands).
        """
        end = start + datetime.timedelta(days=days)
        found = [Occurrence(day, key_date) for key_date in self for day in key_date.occurrences_between(start, end)]
        found.sort(key=lambda occurrence: (occurrence.date, occurrence.key_date.title))
        return found[:limit] if limit else found


class KeyDate(Publishable):
    class Kind(models.TextChoices):
        ANNIVERSARY = "anniversary", _("Anniversary")
        ACTION_DAY = "action_day", _("Action day")
        HEARING = "hearing", _("Hearing")
        COMMEMORATION = "commemoration", _("Commemoration")
        OTHER = "other", _("Other")

    class Recurrence(models.TextChoices):
        ONCE = "once", _("Once")
        YEARLY = "yearly", _("Every year")

    class LeapDay(models.TextChoices):
        FEB_28 = dates.FEB_28, _("28 February")
        MAR_1 = dates.MAR_1, _("1 March")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="key_dates"
    )
    searched_fields = tuple(
        f"{field}_{code}" for field in ("title", "place", "campaign__name") for code, _name in settings.LANGUAGES
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACTION_DAY)
    date = models.DateField(_("date"), help_text=_("The first (or only) date, in the campaign's time zone."))
    time = models.TimeField(_("local time"), null=True, blank=True)
    recurrence = models.CharField(_("repeats"), max_length=10, choices=Recurrence.choices, default=Recurrence.ONCE)
    leap_day_rule = models.CharField(
        _("in years without 29 February"),
        max_length=5,
        choices=LeapDay.choices,
        default=LeapDay.FEB_28,
        help_text=_("Only used by yearly dates on 29 February."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    prisoners = models.ManyToManyField(Prisoner, verbose_name=_("people"), blank=True, related_name="key_dates")
    demands = models.ManyToManyField(Demand, verbose_name=_("demands"), blank=True, related_name="key_dates")
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="+")
    reminders_paused = models.BooleanField(
        _("reminders paused"), default=False, help_text=_("No email reminders go out for this date while ticked.")
    )

    objects = KeyDateQuerySet.as_manager()

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")

    def __str__(self):
        return f"{self.title} ({self.date:%d %b %Y})"

    def occurrence_in(self, year):
        """This key date's date in `year`, or None when it does not fall in that year."""
        if self.recurrence == self.Recurrence.ONCE:
            return self.date if self.date.year == year else None
        return dates.yearly_date(self.date, year, self.leap_day_rule)

    def next_occurrence(self, on_or_after=None):
        on_or_after = on_or_after or self.campaign.today()
        for year in (on_or_after.year, on_or_after.year + 1):
            day = self.occurrence_in(year)
            if day and day >= on_or_after:
                return day
        return None

    def occurrences_between(self, start, end):
        """Every date of this key date from `start` to `end`, both included, in order."""
        if self.recurrence == self.Recurrence.ONCE:
            return [self.date] if start <= self.date <= end else []
        return dates.yearly_dates_between(self.date, start, end, self.leap_day_rule)

    def anniversary_number(self, day):
        return day.year - self.date.year if self.recurrence == self.Recurrence.YEARLY else None


public_relation(KeyDate, "people", "prisoners", Prisoner.objects.published)
public_relation(KeyDate, "demands", "demands", Demand.objects.published)
public_relation(KeyDate, "sources", "sources", Source.objects.all)
public_relation(Prisoner, "key_dates", "key_dates", KeyDate.objects.published)
public_relation(Demand, "key_dates", "key_dates", KeyDate.objects.published)
public_relation(Campaign, "key_dates", "key_dates", KeyDate.objects.published)


for _model in (KeyDate,):
    audited(_model)
