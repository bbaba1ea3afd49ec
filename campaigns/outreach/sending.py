"""Sending: each pending outbox row is claimed, sent at most once, and ends with a truthful outcome.

A sender claims a batch of due rows (pending → sending) with a conditional UPDATE that stamps
them with its own token and the database's clock, renews that stamp while it works, and finishes
each row only while it still holds it. Outcomes:

- sent;
- retry later (pending, with backoff): the server answered "not now" before taking the message;
- failed: refused for good (a 5xx), or the attempts ran out, or the date passed;
- uncertain: the body went out and no answer came. It may have arrived, so it is never sent
  again on its own; a person who checked can resend it from the admin;
- released, uncharged: the server could not be reached. After a few such failures in a row the
  batch stops, and the rows wait for the next tick with no attempt counted.

A row still "sending" whose claim has not been renewed for REMINDER_STALE_MINUTES belonged to a
sender that died. If it had been handed to the mail server it becomes uncertain, never resent on its
own; otherwise it was certainly not sent, and goes back to the queue.
"""

import datetime
import logging
import smtplib
import time
import uuid
import zoneinfo
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone

from campaigns.core.site import absolute, site_domain

from .digest import digest_email
from .emails import build_subscriber_email
from .models import Delivery, Subscriber, Suppression
from .occasions import occasion_index
from .planning import occasion_start
from .smtp import Outcome, classify
from .subscriptions import subscription_email, suppress

log = logging.getLogger(__name__)
INTERRUPTED = (
    "The worker stopped while sending this reminder. It may already have arrived, so it is not sent again "
    "automatically; resend it from the admin if it did not."
)
UNREACHABLE_LIMIT = 3  # connection failures in a row before a batch stops
RENEW_SECONDS = 60  # how often a sender renews its claims, at most (a third of the stale window at least)
MAX_ERRORS_KEPT = 20  # in a tick's report


@dataclass
class Report:
    planned: list = field(default_factory=list)
    created: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    uncertain: int = 0
    cancelled: int = 0
    released: int = 0
    interrupted: int = 0
    conflicts: int = 0
    expired_subscriptions: int = 0
    planner_busy: bool = False
    errors: list = field(default_factory=list)

    def error(self, text):
        log.error(text)
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(text)

    def summary(self):
        """What the admin and /healthz keep of a tick: the counts and the first errors."""
        return {name: value for name, value in asdict(self).items() if name != "planned"} | {"planned": len(self.planned)}


def recover_abandoned(report):
    """Rows of a sender that stopped renewing its claim (it died): those it had not yet handed to
    the mail server go back to the queue; the one it had may have arrived, and becomes uncertain."""
    stale = Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_at__lt=Now() - datetime.timedelta(minutes=settings.REMINDER_STALE_MINUTES)
    )
    report.interrupted += stale.filter(in_flight_since__isnull=False).update(
        status=Delivery.Status.UNCERTAIN, last_error=INTERRUPTED
    )
    report.released += stale.filter(in_flight_since__isnull=True).update(
        status=Delivery.Status.PENDING, claimed_by="", claimed_at=None
    )


def send_pending(now, report=None):
    """Send what is ready, batch after batch, until none is left or the time budget is spent."""
    report = report or Report()
    recover_abandoned(report)
    Sender(now, report).run()
    return report


def send_now(ids, now=None):
    """Send these outbox rows at once if they are still waiting (a worker's task, right after a
    subscription); what it cannot send, the next tick will."""
    report = Report()
    Sender(now or timezone.now(), report, only=ids).run()
    return report


class Sender:
    def __init__(self, now, report, only=None):
        self.now, self.report, self.only = now, report, only
        self.token = uuid.uuid4().hex
        self.deadline = time.monotonic() + settings.REMINDER_SEND_SECONDS
        self.renewed = time.monotonic()
        self.unreachable, self.unreachable_reason = 0, ""
        self.connection = get_connection()

    def stop_reason(self):
        if self.unreachable >= UNREACHABLE_LIMIT:
            return f"the mail server could not be reached ({self.unreachable_reason})"
        if time.monotonic() >= self.deadline:
            return "the tick's time budget was spent"
        return None

    def run(self):
        try:
            while not self.stop_reason():
                batch = self.claim_batch()
                if not batch:
                    break
                self.send_batch(batch)
        finally:
            _drop(self.connection)

    def claim_batch(self):
        with transaction.atomic():
            # SKIP LOCKED (PostgreSQL): senders on several machines take different rows instead of waiting.
            due = Delivery.objects.ready(self.now).order_by("next_attempt_at", "pk").select_for_update(skip_locked=True)
            if self.only is not None:
                due = due.filter(pk__in=self.only)
            ids = list(due.values_list("pk", flat=True)[: settings.REMINDER_BATCH_SIZE])
            Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(
                status=Delivery.Status.SENDING, claimed_at=Now(), claimed_by=self.token
            )
        # Only what this sender's UPDATE took: on SQLite another sender may have read the same ids.
        mine = Delivery.objects.filter(pk__in=ids, status=Delivery.Status.SENDING, claimed_by=self.token)
        return list(mine.select_related("subscriber").order_by("next_attempt_at", "pk"))

    def send_batch(self, batch):
        days = [d.occurrence for d in batch if d.kind == Delivery.Kind.REMINDER]
        occasions = occasion_index(min(days), max(days)) if days else {}
        for position, delivery in enumerate(batch):
            reason = self.stop_reason()
            if reason:
                self.report.released += self.release(batch[position:], reason)
                return
            self.renew_if_due()
            try:
                outcome = self.send_one(delivery, occasions)
            except Exception as error:  # one bad row stops nobody: it fails with its error, the rest go on
                log.exception("Outbox row %s could not be prepared", delivery.pk)
                self.report.error(f"Delivery {delivery.pk}: {type(error).__name__}: {error}")
                outcome = self.finish(delivery, Delivery.Status.FAILED, f"Could not be prepared: {error}", "failed")
            if outcome:
                setattr(self.report, outcome, getattr(self.report, outcome) + 1)

    def send_one(self, delivery, occasions):
        skipped = self.nothing_to_send(delivery, occasions)
        if skipped:
            return self.finish(delivery, *skipped)
        message = self.message_for(delivery, occasions)
        try:
            # Opened here, not by send(): Django closes a connection that send() opened itself.
            self.connection.open()
        except (smtplib.SMTPException, OSError) as error:
            _drop(self.connection)
            return self.unreachable_now(delivery, f"{type(error).__name__}: {error}")
        if not self._mine([delivery.pk]).update(in_flight_since=Now()):
            self.conflict(delivery.pk)  # no longer this sender's: leave it to whoever has it
            return None
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            return self.failed(delivery, classify(error, self.connection))
        self.unreachable = 0
        return self.finish(delivery, Delivery.Status.SENT, "", "sent", sent_at=self.now, attempts=F("attempts") + 1)

    def nothing_to_send(self, delivery, occasions):
        """(status, reason, outcome) when the row is no longer to be sent, else None."""
        subscriber, kind = delivery.subscriber, delivery.kind
        if kind == Delivery.Kind.REMINDER:
            occasion = occasions.get((delivery.occasion_key, delivery.occurrence))
            if not subscriber.is_active:
                return Delivery.Status.CANCELLED, "The subscriber has unsubscribed.", "cancelled"
            if occasion is None:
                return Delivery.Status.CANCELLED, "The date changed or is no longer public.", "cancelled"
            if self.now >= occasion_start(occasion):
                return Delivery.Status.FAILED, "The date passed before the reminder could be sent.", "failed"
        if kind == Delivery.Kind.CONFIRM and subscriber.is_active:
            return Delivery.Status.CANCELLED, "Confirmed meanwhile.", "cancelled"
        if kind == Delivery.Kind.ALREADY_SUBSCRIBED and not subscriber.is_active:
            return Delivery.Status.CANCELLED, "No longer subscribed.", "cancelled"
        return None

    def message_for(self, delivery, occasions):
        if delivery.kind == Delivery.Kind.REMINDER:
            occasion = occasions[(delivery.occasion_key, delivery.occurrence)]
            return reminder_email(delivery, occasion, self.now, self.connection)
        if delivery.kind == Delivery.Kind.DIGEST:
            headers = {"Message-ID": f"<digest-{delivery.pk}@{site_domain()}>"}
            return digest_email(delivery.email, delivery.occurrence, self.now, self.connection, headers)
        return subscription_email(delivery.subscriber, delivery.kind, self.connection, delivery_id=delivery.pk)

    def failed(self, delivery, failure):
        if failure.outcome in (Outcome.UNREACHABLE, Outcome.UNCERTAIN):
            _drop(self.connection)  # the session is unusable; the next message opens a new one
        if failure.outcome == Outcome.UNREACHABLE:
            return self.unreachable_now(delivery, failure.reason)
        self.unreachable = 0
        charged = {"attempts": F("attempts") + 1}
        if failure.outcome == Outcome.UNCERTAIN:
            return self.finish(delivery, Delivery.Status.UNCERTAIN, failure.reason, "uncertain", **charged)
        if failure.outcome == Outcome.REFUSED:
            if failure.address_refused and delivery.subscriber_id:
                # Permanent: stop writing to this address altogether instead of retrying it forever.
                Subscriber.objects.filter(pk=delivery.subscriber_id).update(
                    bounced_at=self.now, bounce_reason=failure.reason[:300]
                )
                suppress(delivery.subscriber.email, Suppression.Reason.REFUSED)
            return self.finish(delivery, Delivery.Status.FAILED, failure.reason, "failed", **charged)
        if delivery.attempts + 1 >= settings.REMINDER_MAX_ATTEMPTS:
            return self.finish(delivery, Delivery.Status.FAILED, failure.reason, "failed", **charged)
        backoff = datetime.timedelta(minutes=5 * 2**delivery.attempts)  # 5, 10, 20, 40... minutes
        return self.finish(delivery, Delivery.Status.PENDING, failure.reason, "retrying",
                           next_attempt_at=self.now + backoff, claimed_by="", in_flight_since=None, **charged)

    def unreachable_now(self, delivery, reason):
        """The server could not be reached: no attempt is counted, the row waits for the next tick."""
        self.unreachable, self.unreachable_reason = self.unreachable + 1, reason
        self.release([delivery], reason)
        return "released"

    def finish(self, delivery, status, error, outcome, **extra):
        updated = self._mine([delivery.pk]).update(status=status, last_error=error, **extra)
        if not updated:
            self.conflict(delivery.pk)
        return outcome

    def release(self, deliveries, reason):
        """Back to the queue, unsent and uncharged, saying why."""
        updated = self._mine([d.pk for d in deliveries]).update(
            status=Delivery.Status.PENDING, claimed_by="", claimed_at=None, in_flight_since=None,
            last_error=f"Not sent yet, will be tried again: {reason}",
        )
        if updated < len(deliveries):
            self.conflict(", ".join(str(d.pk) for d in deliveries))
        return updated

    def renew_if_due(self):
        if time.monotonic() - self.renewed >= min(RENEW_SECONDS, settings.REMINDER_STALE_MINUTES * 20):
            Delivery.objects.filter(status=Delivery.Status.SENDING, claimed_by=self.token).update(claimed_at=Now())
            self.renewed = time.monotonic()

    def conflict(self, ids):
        # Another worker changed a row this sender held (it judged the claim stale): nothing is sent
        # twice, but it means REMINDER_STALE_MINUTES is too short for this server.
        self.report.conflicts += 1
        log.warning("Delivery %s was no longer held by sender %s when it finished", ids, self.token)

    def _mine(self, ids):
        return Delivery.objects.filter(pk__in=ids, status=Delivery.Status.SENDING, claimed_by=self.token)


def _drop(connection):
    """Close a session without a polite QUIT, which a hung server would make wait for the timeout."""
    smtp = getattr(connection, "connection", None)
    if smtp is not None:
        try:
            smtp.close()
        finally:
            connection.connection = None


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
    # The same Message-ID on every copy: a receiving server can drop one resent by hand.
    headers = {"Message-ID": f"<reminder-{delivery.pk}.{delivery.occurrence:%Y%m%d}.{delivery.lead_days}@{site_domain()}>"}
    return build_subscriber_email("reminder", delivery.subscriber, context, headers=headers, connection=connection)
