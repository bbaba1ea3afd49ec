"""Subscribing, confirming, changing preferences and unsubscribing.

The public form answers the same whatever the address (new, pending, confirmed): what differs is
only the email that goes to that address, which only its owner reads. The services say which email
is due; the caller enqueues it (services never import tasks).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from campaigns.core.models import Campaign
from campaigns.core.site import absolute
from prisoners.models import Prisoner

from .emails import build_subscriber_email
from .models import Subscriber
from .tokens import CONFIRM_SALT, MANAGE_SALT, UNSUBSCRIBE_SALT, subscriber_from_token, subscriber_token

CONFIRM = "confirm"
ALREADY = "already_subscribed"
# An address asked to subscribe again gets at most one confirmation email in this time.
RESEND_AFTER = datetime.timedelta(minutes=10)


@transaction.atomic
def subscribe(email, *, language, campaigns, prisoners, lead_days, now=None):
    """Returns the subscriber and the kind of email now due to them (CONFIRM, ALREADY or None)."""
    now = now or timezone.now()
    email = email.strip().lower()
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(email=email, defaults={"language": language})
    if subscriber.is_active:
        # Preferences of a confirmed address are changed only through its signed link.
        return subscriber, ALREADY
    if subscriber.unsubscribed_at or subscriber.bounced_at:
        subscriber.unsubscribed_at = subscriber.bounced_at = subscriber.confirmed_at = None
    subscriber.language = language
    subscriber.lead_days = sorted(set(lead_days), reverse=True)
    recently_sent = subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < RESEND_AFTER
    if not recently_sent:
        subscriber.confirmation_sent_at = now
    subscriber.save()
    subscriber.campaigns.set(campaigns)
    subscriber.prisoners.set(prisoners)
    return subscriber, None if recently_sent else CONFIRM


def subscription_email(subscriber, kind):
    context = {"subscriber": subscriber, "follows": follows(subscriber)}
    if kind == CONFIRM:
        context["confirm_url"] = absolute(reverse("subscription_confirm", args=[subscriber_token(subscriber, CONFIRM_SALT)]))
        context["valid_days"] = settings.SUBSCRIPTION_CONFIRM_DAYS
    return build_subscriber_email(f"subscription_{kind}", subscriber, context)


def send_subscription_email(subscriber_id, kind):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or (kind == CONFIRM and subscriber.confirmed_at):
        return False
    subscription_email(subscriber, kind).send()
    return True


def follows(subscriber):
    """What the subscriber follows, as the public may see it: a record unpublished since is left out."""
    campaigns = Campaign.objects.published().filter(subscribers=subscriber)
    people = Prisoner.objects.published().filter(subscribers=subscriber)
    return [campaign.name for campaign in campaigns] + [person.name for person in people]


def confirm(token, now=None):
    max_age = datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    subscriber = subscriber_from_token(token, CONFIRM_SALT, max_age=max_age)
    if subscriber is None:
        return None
    Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(confirmed_at=now or timezone.now())
    subscriber.refresh_from_db()
    return subscriber


def unsubscribe(token, now=None):
    subscriber = subscriber_from_token(token, UNSUBSCRIBE_SALT)
    if subscriber is None:
        return None
    Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(unsubscribed_at=now or timezone.now())
    return subscriber


def manageable(token):
    return subscriber_from_token(token, MANAGE_SALT)


def expire_unconfirmed(now):
    cutoff = now - datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    # Counted from the last confirmation email, so that re-subscribing starts the clock again.
    _total, by_model = Subscriber.objects.filter(confirmed_at__isnull=True, confirmation_sent_at__lt=cutoff).delete()
    return by_model.get(Subscriber._meta.label, 0)


@transaction.atomic
def update_preferences(subscriber, *, language, campaigns, prisoners, lead_days):
    """From the signed preferences link: changes take effect at once, and resubscribe if needed."""
    subscriber.language = language
    subscriber.lead_days = sorted(set(lead_days), reverse=True)
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["language", "lead_days", "unsubscribed_at"])
    subscriber.campaigns.set(campaigns)
    subscriber.prisoners.set(prisoners)
