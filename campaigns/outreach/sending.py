"""Sending: each pending outbox row is claimed, sent once, and marked with its outcome.

Each row is claimed by a conditional UPDATE (pending → sending); only the worker whose UPDATE
changed the row sends it, then marks it sent. A worker that dies between claiming and marking
leaves the row "sending"; the next tick marks it failed for a person to look at rather than send
it again, because the message may already be in the reader's inbox.
"""

import datetime
import logging
import smtplib
import time
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F

from campaigns.core.site import absolute, site_domain

from .emails import build_subscriber_email
from .models import Delivery, Subscriber
from .occasions import occasion_index
from .planning import occasion_start

log = logging.getLogger(__name__)
INTERRUPTED = (
    "The worker stopped while sending this reminder. It is not sent again automatically, because it may "
    "already have arrived; resend it from the admin if it did not."
)


@dataclass
class Report:
    planned: list = field(default_factory=list)
    created: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0
    interrupted: int = 0
    expired_subscriptions: int = 0


def mark_interrupted(now):
    stale = now - datetime.timedelta(minutes=settings.REMINDER_STALE_MINUTES)
    return Delivery.objects.filter(status=Delivery.Status.SENDING, claimed_at__lt=stale).update(
        status=Delivery.Status.FAILED, last_error=INTERRUPTED
    )


def claim(delivery_id, now):
    """True for the one worker whose conditional UPDATE moved the row from pending to sending."""
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def send_pending(now, report=None):
    """Send what is ready, batch after batch, until none is left or the time budget is spent.

    The budget stays under the tick interval so that one tick's sending is over, as a rule,
    before the next begins (they would not send twice if not, only compete for rows).
    """
    report = report or Report()
    report.interrupted += mark_interrupted(now)
    started = time.monotonic()
    while time.monotonic() - started < settings.REMINDER_SEND_SECONDS:
        ids = list(Delivery.objects.ready(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[
            : settings.REMINDER_BATCH_SIZE
        ])
        if not ids or not _send_batch(ids, now, report):
            break
    return report


def _send_batch(ids, now, report):
    """Returns how many rows this worker claimed (0 when another worker has them all)."""
    dates = Delivery.objects.filter(pk__in=ids).values_list("occurrence", flat=True)
    occasions = occasion_index(min(dates), max(dates))
    connection = get_connection()  # one SMTP session for the whole batch
    claimed = 0
    try:
        for delivery_id in ids:
            if claim(delivery_id, now):
                claimed += 1
                delivery = Delivery.objects.select_related("subscriber").get(pk=delivery_id)
                outcome = _send_one(delivery, occasions, connection, now)
                setattr(report, outcome, getattr(report, outcome) + 1)
    finally:
        connection.close()
    return claimed


def _send_one(delivery, occasions, connection, now):
    occasion = occasions.get((delivery.occasion_key, delivery.occurrence))
    if not delivery.subscriber.is_active:
        return _finish(delivery, Delivery.Status.CANCELLED, "The subscriber has unsubscribed.", "cancelled")
    if occasion is None:
        return _finish(delivery, Delivery.Status.CANCELLED, "The date changed or is no longer public.", "cancelled")
    if now >= occasion_start(occasion):
        return _finish(delivery, Delivery.Status.FAILED, "The date passed before the reminder could be sent.", "failed")
    message = reminder_email(delivery, occasion, now, connection)
    try:
        # Opened here, not by send(): Django closes a connection that send() opened itself.
        connection.open()
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        return _refused(delivery, error, now)
    except (smtplib.SMTPException, OSError) as error:
        connection.close()  # a broken session is reopened for the next message
        return _retry_later(delivery, f"{type(error).__name__}: {error}", now)
    return _finish(delivery, Delivery.Status.SENT, "", "sent", sent_at=now)


def _finish(delivery, status, error, outcome, **extra):
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=status, last_error=error, **extra
    )
    return outcome


def _refused(delivery, error, now):
    codes = [code for code, _text in error.recipients.values()]
    reason = "; ".join(f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
                       for code, text in error.recipients.values())
    if codes and all(code >= 500 for code in codes):
        # Permanent: stop writing to this address altogether instead of retrying it forever.
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(bounced_at=now, bounce_reason=reason[:300])
        return _finish(delivery, Delivery.Status.FAILED, f"Address refused: {reason}", "failed")
    return _retry_later(delivery, f"Address deferred: {reason}", now)


def _retry_later(delivery, error, now):
    if delivery.attempts >= settings.REMINDER_MAX_ATTEMPTS:
        return _finish(delivery, Delivery.Status.FAILED, error, "failed")
    backoff = datetime.timedelta(minutes=5 * 2 ** (delivery.attempts - 1))  # 5, 10, 20, 40... minutes
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.SENDING).update(
        status=Delivery.Status.PENDING, last_error=error, next_attempt_at=now + backoff
    )
    return "retrying"


def reminder_email(delivery, occasion, now, connection=None):
    # Days actually left, not the lead asked for: a reminder caught up late must not say "in 7 days".
    days_left = (occasion.date - now.astimezone(zoneinfo.ZoneInfo(occasion.tz)).date()).days
    context = {
        "occasion": occasion,
        "days_left": days_left,
        "occasion_url": absolute(occasion.url),
        "links": [(label, absolute(path)) for label, path in occasion.links],
        "calendar_url": absolute("/calendar/"),
    }
    # A stable Message-ID lets a receiving server drop a copy if one were ever resent by hand.
    headers = {"Message-ID": f"<reminder-{delivery.pk}.{delivery.occurrence:%Y%m%d}.{delivery.lead_days}@{site_domain()}>"}
    return build_subscriber_email("reminder", delivery.subscriber, context, headers=headers, connection=connection)
