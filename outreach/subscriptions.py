"""Subscribing, confirming, changing preferences and unsubscribing.

The public form answers the same whatever the address (new, pending, confirmed, unsubscribed):
what differs is only the email that goes to that address, which only its owner reads. A public
request never turns mail back on for an address that unsubscribed or was refused: that takes a
confirmation by its owner. Nor does it change a known address's choices: the choices asked for
travel in the confirmation link (signed) and apply only when the owner confirms. Emails go through
the outbox (`Delivery`); the services return the outbox row now due, and the caller asks a worker to
send it at once (services never import tasks).
"""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from core.models import Campaign
from core.site import absolute_url, site_domain
from demands.models import Demand
from prisoners.models import Prisoner

from .emails import build_subscriber_email
from .models import Delivery, Subscriber, Suppression
from .tokens import (
    MANAGE_SALT,
    UNSUBSCRIBE_SALT,
    address_hash,
    address_hashes,
    confirmation_from_token,
    confirmation_token,
    subscriber_from_token,
)

CONFIRM = Delivery.Kind.CONFIRM
ALREADY = Delivery.Kind.ALREADY_SUBSCRIBED
# An address asked to subscribe again gets at most one confirmation email in this time...
RESEND_AFTER = datetime.timedelta(minutes=10)


def _suppressed_resend_after():
    # ... and one that asked us to stop, or was refused, at most one per confirmation period.
    return datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)


@transaction.atomic
def subscribe(email, *, language, campaigns, prisoners, lead_days, demands=(), action_alerts=True, now=None):
    """Returns the subscriber and the id of the outbox row now due to them (or None)."""
    now = now or timezone.now()
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=email.strip().lower(), defaults={"language": language}
    )
    if subscriber.is_active:
        # Preferences of a confirmed address are changed only through its signed link.
        return subscriber, _queue(subscriber, ALREADY, now)
    requested = {
        "language": language,
        "campaigns": sorted(campaign.pk for campaign in campaigns),
        "prisoners": sorted(person.pk for person in prisoners),
        "demands": sorted(demand.pk for demand in demands),
        "lead_days": sorted(set(lead_days), reverse=True),
        "action_alerts": bool(action_alerts),
    }
    if created:  # a new address: nothing of anyone's to overwrite
        _store_preferences(subscriber, language, campaigns, prisoners, lead_days, action_alerts, demands)
    return subscriber, _request_confirmation(subscriber, now, requested)


@transaction.atomic
def update_preferences(subscriber, *, language, campaigns, prisoners, demands, lead_days, action_alerts, now=None):
    """From the signed preferences link. Returns the id of a confirmation request when one is due:
    an address that unsubscribed (or was never confirmed) is asked to confirm before mail resumes."""
    _store_preferences(subscriber, language, campaigns, prisoners, lead_days, action_alerts, demands)
    if subscriber.is_active:
        return None
    return _request_confirmation(subscriber, now or timezone.now())


def _store_preferences(subscriber, language, campaigns, prisoners, lead_days, action_alerts, demands=()):
    subscriber.language = language
    subscriber.lead_days = sorted(set(lead_days), reverse=True)
    subscriber.action_alerts = action_alerts
    subscriber.save(update_fields=["language", "lead_days", "action_alerts"])
    subscriber.campaigns.set(campaigns)
    subscriber.prisoners.set(prisoners)
    subscriber.demands.set(demands)


def _request_confirmation(subscriber, now, requested=None):
    suppressed = subscriber.unsubscribed_at or subscriber.bounced_at or is_suppressed(subscriber.email)
    wait = _suppressed_resend_after() if suppressed else RESEND_AFTER
    if subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < wait:
        return None
    subscriber.confirmation_sent_at = now
    subscriber.save(update_fields=["confirmation_sent_at"])
    return _queue(subscriber, CONFIRM, now, requested)


def _queue(subscriber, kind, now, requested=None):
    delivery = Delivery.objects.create(
        kind=kind,
        subscriber=subscriber,
        requested=requested,
        occasion_key=f"{kind}:{uuid.uuid4().hex[:16]}",
        occurrence=now.date(),
        lead_days=0,
        title=str(Delivery.Kind(kind).label),
        next_attempt_at=now,
    )
    return delivery.pk


def subscription_email(subscriber, kind, connection=None, delivery_id=None, requested=None):
    """`requested`: the choices a confirmation asks the owner to confirm (its link applies them)."""
    # In the reader's language: the names of what they follow (read here, in the worker, not in the
    # template) and the page the link opens.
    with translation.override(subscriber.language):
        context = {"subscriber": subscriber, "follows": follows(subscriber, requested)}
        if kind == CONFIRM:
            confirm = reverse("subscription_confirm", args=[confirmation_token(subscriber, requested)])
            context["confirm_url"] = absolute_url(confirm)
            context["valid_days"] = settings.SUBSCRIPTION_CONFIRM_DAYS
    headers = {"Message-ID": f"<{kind}-{delivery_id}@{site_domain()}>"} if delivery_id else None
    return build_subscriber_email(f"subscription_{kind}", subscriber, context, headers=headers, connection=connection)


def follows(subscriber, requested=None):
    """What the subscriber follows (or, in a confirmation, asks to follow), as the public may see it:
    a record unpublished since is left out. Named in the active language (else English)."""
    if requested:
        campaigns = Campaign.objects.published().filter(pk__in=requested["campaigns"])
        people = Prisoner.objects.published().filter(pk__in=requested["prisoners"])
        demands = Demand.objects.published().filter(pk__in=requested.get("demands", []))
    else:
        campaigns = Campaign.objects.published().filter(subscribers=subscriber)
        people = Prisoner.objects.published().filter(subscribers=subscriber)
        demands = Demand.objects.published().filter(subscribers=subscriber)
    names = [campaign.name for campaign in campaigns] + [person.name for person in people]
    return names + [demand.title for demand in demands]


def _max_age():
    return datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)


def confirmable(token):
    return confirmation_from_token(token, max_age=_max_age())[0]


@transaction.atomic
def confirm(token, now=None):
    """The owner's confirmation: the only thing that turns mail (back) on for an address, and that
    applies the choices the confirmation asked for."""
    subscriber, requested = confirmation_from_token(token, max_age=_max_age())
    if subscriber is None:
        return None
    if requested:
        _store_preferences(
            subscriber,
            requested["language"] if requested.get("language") in dict(settings.LANGUAGES) else subscriber.language,
            Campaign.objects.filter(pk__in=requested.get("campaigns", [])),
            Prisoner.objects.filter(pk__in=requested.get("prisoners", [])),
            [days for days in requested.get("lead_days", []) if isinstance(days, int)] or subscriber.lead_days,
            # Links sent before actions existed ask nothing about them: the address keeps its choice.
            bool(requested.get("action_alerts", subscriber.action_alerts)),
            Demand.objects.filter(pk__in=requested.get("demands", [])),
        )
    Subscriber.objects.filter(pk=subscriber.pk).update(
        confirmed_at=now or timezone.now(), unsubscribed_at=None, bounced_at=None, bounce_reason=""
    )
    Suppression.objects.filter(address_hash__in=address_hashes(subscriber.email)).delete()
    subscriber.refresh_from_db()
    return subscriber


def unsubscribe(token, now=None):
    subscriber = subscriber_from_token(token, UNSUBSCRIBE_SALT)
    if subscriber is None:
        return None
    Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now or timezone.now()
    )
    suppress(subscriber.email, Suppression.Reason.UNSUBSCRIBED)
    return subscriber


def manageable(token):
    return subscriber_from_token(token, MANAGE_SALT)


def suppress(email, reason):
    """Remember that this address is not to be written to, even once its row is gone."""
    if not is_suppressed(email):
        Suppression.objects.get_or_create(address_hash=address_hash(email), defaults={"reason": reason})


def is_suppressed(email):
    return Suppression.objects.filter(address_hash__in=address_hashes(email)).exists()


def expire_unconfirmed(now):
    cutoff = now - datetime.timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    # Counted from the last confirmation email, so that re-subscribing starts the clock again. An
    # address that unsubscribed is remembered by its Suppression entry after its row is gone.
    _total, by_model = Subscriber.objects.filter(confirmed_at__isnull=True, confirmation_sent_at__lt=cutoff).delete()
    return by_model.get(Subscriber._meta.label, 0)
