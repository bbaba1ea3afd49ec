"""Supporters who asked for reminders, and the outbox of what was sent to them.

These tables were the campaigns app's before outreach had an app of its own: they keep their
names (`db_table`), so the move changed no data.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.core.models import Campaign
from prisoners.models import Prisoner

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
    prisoners = models.ManyToManyField(Prisoner, verbose_name=_("people followed"), blank=True, related_name="subscribers")
    lead_days = models.JSONField(_("days before"), default=default_lead_days)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("address refused"), null=True, blank=True)
    bounce_reason = models.CharField(_("refusal"), max_length=300, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        db_table = "campaigns_subscriber"
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

    def resend_failed(self, now):
        """Put failed reminders back in the queue for the next tick (a person checked they did not arrive)."""
        return self.filter(status=Delivery.Status.FAILED).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=now, last_error=""
        )


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
        db_table = "campaigns_delivery"
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

    class Meta:
        db_table = "campaigns_staffdigest"
