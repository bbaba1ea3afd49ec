import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The one definition of what the public may see; every public page, feed and export uses it."""
        return self.filter(visibility=Visibility.PUBLISHED)


class Publishable(models.Model):
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.visibility == Visibility.PUBLISHED


class StatusChange(models.Model):
    """One recorded change of status, written only by `campaigns.services.record_status_change`."""

    old_status = models.CharField(_("old status"), max_length=20, blank=True)
    new_status = models.CharField(_("new status"), max_length=20)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # Kept apart from the user row so that the record still says who after the account is gone.
    changed_by_name = models.CharField(_("changed by (name)"), max_length=150, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.ForeignKey(
        "prisoners.Source", verbose_name=_("source"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_url = models.URLField(_("source URL"), blank=True, max_length=500)

    class Meta:
        abstract = True
        ordering = ["-changed_at", "-id"]

    status_choices = None  # the TextChoices of the record's status, set by each subclass

    def __str__(self):
        return f"{self.old_status or '∅'} → {self.new_status} ({self.changed_at:%Y-%m-%d})"

    def get_old_status_display(self):
        return self.status_choices(self.old_status).label if self.old_status else ""

    def get_new_status_display(self):
        return self.status_choices(self.new_status).label


class Organisation(models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO / human rights group")
        UNION = "union", _("Trade union")
        UN_BODY = "un_body", _("UN body")
        GOVERNMENT = "government", _("Government or authority")
        COMPANY = "company", _("Company")
        MEDIA = "media", _("Media")
        POLITICAL = "political", _("Political organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone (for example Asia/Almaty)."), params={"value": value})


class Campaign(Publishable):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One sentence, shown in lists and shared links."))
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("started on"), null=True, blank=True)
    ends_on = models.DateField(_("ended on"), null=True, blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default=settings.DEFAULT_CAMPAIGN_TIMEZONE, validators=[validate_timezone],
        help_text=_("Dates and reminders are computed in this time zone."),
    )
    organisations = models.ManyToManyField(Organisation, verbose_name=_("organisations"), blank=True, related_name="campaigns")
    sources = models.ManyToManyField("prisoners.Source", verbose_name=_("sources"), blank=True, related_name="+")
    internal_notes = models.TextField(_("internal notes"), blank=True, help_text=_("Never shown publicly."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:detail", args=[self.slug])

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})

    def today(self):
        return timezone.localdate(timezone=zoneinfo.ZoneInfo(self.timezone))


class KeyDateQuerySet(PublishableQuerySet):
    def published(self):
        """A key date is public only while its campaign is."""
        return super().published().filter(campaign__visibility=Visibility.PUBLISHED)


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
        FEB_28 = "feb28", _("28 February")
        MAR_1 = "mar1", _("1 March")

    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="key_dates")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACTION_DAY)
    date = models.DateField(_("date"), help_text=_("The first (or only) date, in the campaign's time zone."))
    time = models.TimeField(_("local time"), null=True, blank=True)
    recurrence = models.CharField(_("repeats"), max_length=10, choices=Recurrence.choices, default=Recurrence.ONCE)
    leap_day_rule = models.CharField(
        _("in years without 29 February"), max_length=5, choices=LeapDay.choices, default=LeapDay.FEB_28,
        help_text=_("Only used by yearly dates on 29 February."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    prisoners = models.ManyToManyField("prisoners.Prisoner", verbose_name=_("people"), blank=True, related_name="key_dates")
    demands = models.ManyToManyField("demands.Demand", verbose_name=_("demands"), blank=True, related_name="key_dates")
    sources = models.ManyToManyField("prisoners.Source", verbose_name=_("sources"), blank=True, related_name="+")

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
        if year < self.date.year:
            return None
        try:
            return self.date.replace(year=year)
        except ValueError:  # 29 February in a common year
            if self.leap_day_rule == self.LeapDay.MAR_1:
                return datetime.date(year, 3, 1)
            return datetime.date(year, 2, 28)

    def next_occurrence(self, on_or_after):
        for year in (on_or_after.year, on_or_after.year + 1):
            day = self.occurrence_in(year)
            if day and day >= on_or_after:
                return day
        return None

    def occurrences_between(self, start, end):
        """Every date of this key date from `start` to `end`, both included, in order."""
        days = (self.occurrence_in(year) for year in range(start.year, end.year + 1))
        return [day for day in days if day and start <= day <= end]

    def anniversary_number(self, day):
        return day.year - self.date.year if self.recurrence == self.Recurrence.YEARLY else None
