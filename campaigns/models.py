import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import dates


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
        FEB_28 = dates.FEB_28, _("28 February")
        MAR_1 = dates.MAR_1, _("1 March")

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


LEAD_DAY_CHOICES = [(30, _("30 days before")), (14, _("14 days before")), (7, _("7 days before")),
                    (3, _("3 days before")), (1, _("1 day before"))]
DEFAULT_LEAD_DAYS = [7, 1]


def default_lead_days():
    return list(DEFAULT_LEAD_DAYS)


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed, not unsubscribed, and not refused by their mail server: the only ones we write to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True, bounced_at__isnull=True)


class Subscriber(models.Model):
    """A supporter who asked for reminders. Personal data: never shown on a public page."""

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    campaigns = models.ManyToManyField(Campaign, verbose_name=_("campaigns followed"), blank=True, related_name="subscribers")
    prisoners = models.ManyToManyField(
        "prisoners.Prisoner", verbose_name=_("people followed"), blank=True, related_name="subscribers"
    )
    lead_days = models.JSONField(_("days before"), default=default_lead_days)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("address refused"), null=True, blank=True)
    bounce_reason = models.CharField(_("refusal"), max_length=300, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return bool(self.confirmed_at and not self.unsubscribed_at and not self.bounced_at)


class DeliveryQuerySet(models.QuerySet):
    def ready(self, now):
        return self.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=now)


class Delivery(models.Model):
    """One reminder to one subscriber: the outbox row that makes sending exactly-once.

    The unique key (subscriber, occasion, occurrence, lead) means a reminder can be planned only
    once, however many ticks run at the same time; the status moves pending → sending → sent by
    conditional updates, so only one worker can send it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    occasion_key = models.CharField(_("occasion"), max_length=60)
    occurrence = models.DateField(_("date of the occasion"))
    lead_days = models.PositiveSmallIntegerField(_("days before"))
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("planned"), auto_now_add=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "occasion_key", "occurrence", "lead_days"], name="one_delivery_per_reminder"
            )
        ]
        indexes = [
            # The sender's query every tick: pending rows whose next attempt is due. Partial, so it
            # stays small however many sent rows pile up.
            models.Index(fields=["next_attempt_at"], name="delivery_pending_due", condition=models.Q(status="pending")),
        ]

    def __str__(self):
        return f"{self.title} → {self.subscriber_id} ({self.lead_days}d)"


class StaffDigest(models.Model):
    """One row per week: the unique week claims the weekly digest so that it goes out once."""

    week = models.DateField(unique=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)
