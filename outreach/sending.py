"""Sending: each pending outbox row is claimed, sent at most once, and ends with a truthful outcome.

A sender claims a batch of due rows (pending → sending) with a conditional UPDATE that stamps
them with its own token and the database's clock, renews that stamp while it works, and finishes
each row only while it still holds it. It sends in chunks: the chunk's rows are marked "handed to
the mail server" just before they go, over REMINDER_SMTP_CONNECTIONS connections at once (threads
that only talk SMTP; every database write stays in this thread). The previous chunk's sent rows and
the next chunk's mark are one UPDATE statement; its other outcomes (rarer) are written row by row.
A crash between the two leaves the unwritten rows handed over, hence uncertain. Outcomes:

- sent;
- retry later (pending, with backoff): the server answered "not now" before taking the message;
- failed: refused for good (a 5xx), or the attempts ran out, or the date passed;
- uncertain: the body went out and no answer came. It may have arrived, so it is never sent
  again on its own; a person who checked can resend it from the admin;
- released, uncharged: the server could not be reached, or the tick's time ran out. After a few
  such chunks in a row the batch stops, and the rows wait for the next tick with no attempt counted.

A row still "sending" whose claim has not been renewed for REMINDER_STALE_MINUTES belonged to a
sender that died. If it had been handed to the mail server (its chunk was under way) it becomes
uncertain, never resent on its own; otherwise it was certainly not sent, and goes back to the queue.
"""

import collections
import datetime
import logging
import smtplib
import sys
import time
import uuid
import zoneinfo
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone

from actions.models import Action
from core.languages import path_in
from core.site import absolute_url, site_domain

from .action_alerts import DEADLINE, OUTCOME, days_to_deadline, not_to_send, parse_key, personal_link
from .digest import digest_email
from .emails import SharedMessage, envelope
from .models import ActionDone, Delivery, Subscriber, Suppression
from .notices import notice_email
from .occasions import occasion_index
from .planning import occasion_start
from .smtp import Failure, Outcome, classify
from .subscriptions import subscription_email, suppress

log = logging.getLogger(__name__)
INTERRUPTED = (
    "The worker stopped while sending this reminder. It may already have arrived, so it is not sent again "
    "automatically; resend it from the admin if it did not."
)
UNREACHABLE_LIMIT = 3  # chunks in a row that reached no server before a batch stops
# Messages each connection sends per chunk. A sender that dies leaves at most two chunks uncertain (one
# being sent, one queued): 32 rows with 4 connections, for a person to check. Smaller chunks mean more
# commits per message: at 2, throughput fell to about 0.75x raw smtplib (docs/performance.md).
CHUNK_PER_CONNECTION = 4
SWITCH_INTERVAL = 0.0001  # seconds: the interpreter's switch interval while sending (see Sender.run)
RENEW_SECONDS = 60  # how often a sender renews its claims, at most (a third of the stale window at least)
MAX_ERRORS_KEPT = 20  # in a tick's report
SENDING_READS = [
    "kind",
    "occasion_key",
    "occurrence",
    "lead_days",
    "attempts",
    "email",
    "subscriber__email",
    "subscriber__language",
    "subscriber__confirmed_at",
    "subscriber__unsubscribed_at",
    "subscriber__bounced_at",
]


@dataclass
class Report:
    planned: int = 0  # reminders due (a dry run lists them in `due`)
    due: list = field(default_factory=list)
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
    pruned: int = 0
    planner_busy: bool = False
    errors: list = field(default_factory=list)

    def error(self, text):
        log.error(text)
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(text)

    def count(self, outcome, n=1):
        setattr(self, outcome, getattr(self, outcome) + n)

    def summary(self):
        """What the admin and /healthz keep of a tick: the counts and the first errors."""
        counts = {name: getattr(self, name) for name in self.__dataclass_fields__ if name not in ("due", "errors")}
        return counts | {"errors": list(self.errors)}


def recover_abandoned(report):
    """Rows of a sender that stopped renewing its claim (it died): those it had not yet handed to
    the mail server go back to the queue; those it had may have arrived, and become uncertain."""
    stale = Delivery.objects.filter(
        status=Delivery.Status.SENDING,
        claimed_at__lt=Now() - datetime.timedelta(minutes=settings.REMINDER_STALE_MINUTES),
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


@dataclass
class Prepared:
    delivery: Delivery
    envelope: tuple | None = None  # (sender, recipients, bytes), for SMTP
    email: object = None  # a Django message, for other backends


class Sender:
    def __init__(self, now, report, only=None):
        self.now, self.report, self.only = now, report, only
        self.token = uuid.uuid4().hex
        self.deadline = time.monotonic() + settings.REMINDER_SEND_SECONDS
        self.renewed = time.monotonic()
        self.unreachable, self.unreachable_reason = 0, ""
        self.occasions = {}  # per date range: a tick's batches mostly share one, computed once
        self.shared = {}  # rendered reminders, per (occasion, language, days left), for every batch
        self.per_occasion = {}  # (start, days left) per occasion: asked for every row
        self.actions = {}  # action id: the public action (None once it is not), for action emails
        self.done = set()  # (subscriber id, action id) marked done, for the batch's deadline reminders
        self.domain = site_domain()
        first = get_connection()
        # SMTP backends send prepared bytes, over several connections; others (console, memory) get
        # Django messages over one.
        self.smtp = hasattr(first, "connection_class")
        lanes = max(1, settings.REMINDER_SMTP_CONNECTIONS) if self.smtp else 1
        self.connections = [first] + [get_connection() for _ in range(lanes - 1)]

    def stop_reason(self):
        if self.unreachable >= UNREACHABLE_LIMIT:
            return f"the mail server could not be reached ({self.unreachable_reason})"
        if time.monotonic() >= self.deadline:
            return "the tick's time budget was spent"
        return None

    def run(self):
        # One thread per connection, so that each connection is used by one thread at a time and
        # sends its share of one chunk while this thread prepares the next and records the last.
        lanes = [ThreadPoolExecutor(1, thread_name_prefix="smtp") for _ in self.connections]
        # While this thread works, an SMTP thread whose server has answered waits for the interpreter
        # lock up to the switch interval (5 ms by default), four times a message: the connections
        # stood idle most of the time. A shorter interval while sending lets them go on
        # (docs/performance.md); it costs this thread a little more switching, and is put back afterwards.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
        try:
            while not self.stop_reason():
                batch = self.claim_batch()
                if not batch:
                    break
                self.send_batch(batch, lanes)
        finally:
            sys.setswitchinterval(interval)
            for lane in lanes:
                lane.shutdown()
            for connection in self.connections:
                _drop(connection)

    def claim_batch(self):
        due = Delivery.objects.ready(self.now)
        if self.only is not None:
            due = due.filter(pk__in=self.only)
        ids = due.claim(self.token, settings.REMINDER_BATCH_SIZE)
        # Only what sending reads: building the rows is a good part of a message's cost in this
        # thread, which competes with the SMTP threads for the interpreter.
        mine = self._mine(ids).select_related("subscriber").order_by("next_attempt_at", "pk")
        return list(mine.only(*SENDING_READS))

    def send_batch(self, batch, lanes):
        days = [d.occurrence for d in batch if d.kind == Delivery.Kind.REMINDER]
        span = (min(days), max(days)) if days else None
        if span and span not in self.occasions:
            self.occasions[span] = occasion_index(*span)
        occasions = self.occasions.get(span, {})
        self.load_actions(batch)
        size = CHUNK_PER_CONNECTION * len(self.connections)
        # Chunks handed to the connections, oldest first: one being sent and one queued behind it, so
        # that the connections never wait for this thread. The oldest one's sent rows and the next
        # chunk's "in flight" mark are written in one statement: one commit per chunk, not two.
        under_way = collections.deque()
        for start in range(0, len(batch), size):
            reason = self.stop_reason()
            if reason:
                self.report.released += self.release(batch[start:], reason)
                break
            self.renew_if_due()
            ready = [prepared for d in batch[start : start + size] if (prepared := self.prepare(d, occasions))]
            finished = _results(under_way.popleft()) if len(under_way) >= 2 else []
            if self.record(finished, handing_over=ready):
                under_way.append(self.transmit(ready, lanes))
        while under_way:
            self.record(_results(under_way.popleft()))

    def load_actions(self, batch):
        """The actions a batch's action emails are about, as the public sees them, read once per
        sender; and which of its readers already did the action they are reminded of."""
        keys = [(d, *parse_key(d.occasion_key)) for d in batch if d.kind == Delivery.Kind.ACTION]
        wanted = {action_id for _d, action_id, _what in keys if action_id} - self.actions.keys()
        if wanted:
            found = (
                Action.objects.published()
                .filter(pk__in=wanted)
                .select_related("campaign")
                .with_public("people", "demands", "addressees")
            )
            self.actions.update(dict.fromkeys(wanted))
            self.actions.update({action.pk: action for action in found})
        reminders = [(d.subscriber_id, action_id) for d, action_id, what in keys if what == DEADLINE]
        if reminders:
            done = ActionDone.objects.filter(
                subscriber_id__in={pk for pk, _a in reminders}, action_id__in={a for _pk, a in reminders}
            )
            self.done.update(done.values_list("subscriber_id", "action_id"))

    def prepare(self, delivery, occasions):
        """The message ready to go, or None when the row was finished without sending."""
        try:
            skipped = self.nothing_to_send(delivery, occasions)
            if skipped:
                self.report.count(self.finish(delivery, *skipped))
                return None
            return self.message_for(delivery, occasions)
        except Exception as error:  # one bad row stops nobody: it fails with its error, the rest go on
            log.exception("Outbox row %s could not be prepared", delivery.pk)
            self.report.error(f"Delivery {delivery.pk}: {type(error).__name__}: {error}")
            self.report.count(
                self.finish(delivery, Delivery.Status.FAILED, f"Could not be prepared: {error}", "failed")
            )
            return None

    def nothing_to_send(self, delivery, occasions):
        """(status, reason, outcome) when the row is no longer to be sent, else None."""
        subscriber, kind = delivery.subscriber, delivery.kind
        if kind == Delivery.Kind.REMINDER:
            occasion = occasions.get((delivery.occasion_key, delivery.occurrence))
            if not subscriber.is_active:
                return Delivery.Status.CANCELLED, "The subscriber has unsubscribed.", "cancelled"
            if occasion is None:
                return Delivery.Status.CANCELLED, "The date changed or is no longer public.", "cancelled"
            if self.now >= self._when(occasion)[0]:
                return Delivery.Status.FAILED, "The date passed before the reminder could be sent.", "failed"
        if kind == Delivery.Kind.ACTION:
            action_id, _what = parse_key(delivery.occasion_key)
            action = self.actions.get(action_id)
            return not_to_send(delivery, action, (delivery.subscriber_id, action_id) in self.done, self.now)
        if kind == Delivery.Kind.CONFIRM and subscriber.is_active:
            return Delivery.Status.CANCELLED, "Confirmed meanwhile.", "cancelled"
        if kind == Delivery.Kind.ALREADY_SUBSCRIBED and not subscriber.is_active:
            return Delivery.Status.CANCELLED, "No longer subscribed.", "cancelled"
        return None

    def _when(self, occasion):
        """(when the day begins, days left until it): the same for every row of an occasion."""
        key = (occasion.key, occasion.date)
        if key not in self.per_occasion:
            self.per_occasion[key] = (occasion_start(occasion), days_left(occasion, self.now))
        return self.per_occasion[key]

    def message_for(self, delivery, occasions):
        if delivery.kind == Delivery.Kind.REMINDER:
            occasion = occasions[(delivery.occasion_key, delivery.occurrence)]
            language = delivery.subscriber.language
            # Rendered once per occasion, language and number of days left; only the reader's
            # address and links differ from one copy to the next.
            key = (occasion.key, occasion.date, language, self._when(occasion)[1])
            shared = self.shared
            if key not in shared:
                shared[key] = SharedMessage("reminder", language, reminder_context(occasion, self.now, language))
            return self._personal(delivery, shared[key], reminder_message_id(delivery, self.domain))
        if delivery.kind == Delivery.Kind.ACTION:
            action_id, what = parse_key(delivery.occasion_key)
            action, language = self.actions[action_id], delivery.subscriber.language
            key = ("action", action_id, what, language, days_to_deadline(action, self.now))
            if key not in self.shared:
                # Those who acted are not asked again: the outcome's email has no "I did it" link.
                links = [] if what == OUTCOME else [personal_link(action)]
                context = action_context(action, what, self.now, language)
                self.shared[key] = SharedMessage("action", language, context, extra_links=links)
            return self._personal(delivery, self.shared[key], f"<action-{delivery.pk}.{what}@{self.domain}>")
        if delivery.kind == Delivery.Kind.NOTICE:
            return self._prepared(delivery, notice_email(delivery))
        if delivery.kind == Delivery.Kind.DIGEST:
            headers = {"Message-ID": f"<digest-{delivery.pk}@{site_domain()}>"}
            return self._prepared(
                delivery, digest_email(delivery.email, delivery.occurrence, self.now, headers=headers)
            )
        email = subscription_email(
            delivery.subscriber, delivery.kind, delivery_id=delivery.pk, requested=delivery.requested
        )
        return self._prepared(delivery, email)

    def _personal(self, delivery, shared, message_id):
        """A shared email made this reader's: their address, their links, its Message-ID."""
        values = shared.values_for(delivery.subscriber, message_id)
        if self.smtp and (found := shared.envelope_for(values)):
            return Prepared(delivery, envelope=found)
        return self._prepared(delivery, shared.email_for(values))

    def _prepared(self, delivery, message):
        return Prepared(delivery, envelope=envelope(message)) if self.smtp else Prepared(delivery, email=message)

    def handed_over(self, ids, all_changed):
        """Whether all of the next chunk may go: every one of its rows was marked as handed to the
        mail server. If some are no longer this sender's (it was judged dead), none of the chunk is
        sent, and the rest are given back."""
        if not ids or all_changed:
            return bool(ids)
        if self._mine(ids).count() == len(ids):
            return True
        self.conflict(", ".join(map(str, ids)))
        self._mine(ids).update(status=Delivery.Status.PENDING, claimed_by="", claimed_at=None, in_flight_since=None)
        return False

    def transmit(self, ready, lanes):
        """Hand each connection its share of the chunk; returns the futures of their results."""
        shares = [ready[n :: len(self.connections)] for n in range(len(self.connections))]
        return [
            lane.submit(self._send_lane, connection, share)
            for lane, connection, share in zip(lanes, self.connections, shares, strict=True)
            if share
        ]

    def _send_lane(self, connection, lane):
        """One connection's share of a chunk. Runs in a pool thread: SMTP only, no database."""
        results = []
        for position, prepared in enumerate(lane):
            if time.monotonic() >= self.deadline:
                not_tried = Failure(Outcome.UNREACHABLE, "the tick's time budget was spent")
                return results + [(rest, not_tried) for rest in lane[position:]]
            failure = _send_one(connection, prepared)
            results.append((prepared, failure))
            if failure and failure.outcome == Outcome.UNREACHABLE:
                # Not worth waiting out a timeout for each of the others: they wait for the next chunk or tick.
                return results + [(rest, failure) for rest in lane[position + 1 :]]
        return results

    def record(self, results, handing_over=()):
        """Write a finished chunk's outcomes and mark the next chunk as handed to the mail server,
        in one statement when all went well. Returns whether the next chunk may be sent."""
        sent = [prepared.delivery.pk for prepared, failure in results if failure is None]
        handing = [prepared.delivery.pk for prepared in handing_over]
        changed = Delivery.objects.advance(self.token, sent, self.now, handing)
        everything = changed == len(sent) + len(handing)
        if sent:
            # Counted again only when some row was no longer this sender's (taken back as abandoned).
            done = (
                len(sent)
                if everything
                else Delivery.objects.filter(pk__in=sent, status=Delivery.Status.SENT, claimed_by=self.token).count()
            )
            self.report.count("sent", done)
            if done < len(sent):
                self.conflict(", ".join(map(str, sent)))
        unreachable = [
            (prepared.delivery, failure)
            for prepared, failure in results
            if failure and failure.outcome == Outcome.UNREACHABLE
        ]
        for prepared, failure in results:
            if failure and failure.outcome != Outcome.UNREACHABLE:
                self.report.count(self.failed(prepared.delivery, failure))
        if unreachable:
            by_reason = {}
            for delivery, failure in unreachable:
                by_reason.setdefault(failure.reason, []).append(delivery)
            for reason, deliveries in by_reason.items():
                self.report.count("released", self.release(deliveries, reason))
        if unreachable and not sent:
            self.unreachable, self.unreachable_reason = self.unreachable + 1, unreachable[0][1].reason
        elif sent:
            self.unreachable = 0
        return self.handed_over(handing, everything)

    def failed(self, delivery, failure):
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
        return self.finish(
            delivery,
            Delivery.Status.PENDING,
            failure.reason,
            "retrying",
            next_attempt_at=self.now + backoff,
            claimed_by="",
            in_flight_since=None,
            **charged,
        )

    def finish(self, delivery, status, error, outcome, **extra):
        updated = self._mine([delivery.pk]).update(status=status, last_error=error, **extra)
        if not updated:
            self.conflict(delivery.pk)
        return outcome

    def release(self, deliveries, reason):
        """Back to the queue, unsent and uncharged, saying why. Returns how many. They wait a minute,
        so that this tick does not claim them again at once."""
        updated = self._mine([d.pk for d in deliveries]).update(
            status=Delivery.Status.PENDING,
            claimed_by="",
            claimed_at=None,
            in_flight_since=None,
            last_error=f"Not sent yet, will be tried again: {reason}",
            next_attempt_at=self.now + datetime.timedelta(minutes=1),
        )
        if updated < len(deliveries):
            self.conflict(", ".join(str(d.pk) for d in deliveries))
        return updated

    def renew_if_due(self):
        if time.monotonic() - self.renewed >= min(RENEW_SECONDS, settings.REMINDER_STALE_MINUTES * 20):
            Delivery.objects.held_by(self.token).update(claimed_at=Now())
            self.renewed = time.monotonic()

    def conflict(self, ids):
        # Another worker changed a row this sender held (it judged the claim stale): nothing is sent
        # twice, but it means REMINDER_STALE_MINUTES is too short for this server.
        self.report.conflicts += 1
        log.warning("Delivery %s was no longer held by sender %s", ids, self.token)

    def _mine(self, ids):
        return Delivery.objects.filter(pk__in=ids).held_by(self.token)


def _results(futures):
    return [result for future in futures for result in future.result()]


def _send_one(connection, prepared):
    """Send one prepared message; None when the server took it, else what went wrong."""
    try:
        # Opened here, not by send(): Django closes a connection that send() opened itself.
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        _drop(connection)
        return Failure(Outcome.UNREACHABLE, f"{type(error).__name__}: {error}")
    try:
        if prepared.envelope:
            connection.connection.sendmail(*prepared.envelope)
        else:
            connection.send_messages([prepared.email])
    except (smtplib.SMTPException, OSError) as error:
        failure = classify(error, connection)
        if failure.outcome in (Outcome.UNREACHABLE, Outcome.UNCERTAIN):
            _drop(connection)  # the session is unusable; the next message opens a new one
        return failure
    return None


def _drop(connection):
    """Close a session without a polite QUIT, which a hung server would make wait for the timeout."""
    smtp = getattr(connection, "connection", None)
    if smtp is not None:
        try:
            smtp.close()
        finally:
            connection.connection = None


def days_left(occasion, now):
    # Days actually left, not the lead asked for: a reminder caught up late must not say "in 7 days".
    return (occasion.date - now.astimezone(zoneinfo.ZoneInfo(occasion.tz)).date()).days


def reminder_context(occasion, now, language=settings.LANGUAGE_CODE):
    return {
        "occasion": occasion,
        "days_left": days_left(occasion, now),
        # Occasions carry English addresses; each reader is sent to the pages in their language.
        "occasion_url": absolute_url(path_in(language, occasion.url)),
        "links": [(label, absolute_url(path_in(language, path))) for label, path in occasion.links],
        "actions": [(title, absolute_url(path_in(language, path)), day) for title, path, day in occasion.actions],
        "calendar_url": absolute_url(path_in(language, "/calendar/")),
    }


def action_context(action, what, now, language=settings.LANGUAGE_CODE):
    def url(path):
        return absolute_url(path_in(language, path))

    return {
        "action": action,
        "what": what,
        "days_left": days_to_deadline(action, now),
        "action_url": url(action.get_absolute_url()),
        "people": [(person, url(person.get_absolute_url())) for person in action.public_people],
        "demands": [(demand, url(demand.get_absolute_url())) for demand in action.public_demands],
        "addressees": action.public_addressees,
    }


def reminder_message_id(delivery, domain=None):
    # The same Message-ID on every copy: a receiving server can drop one resent by hand.
    return f"<reminder-{delivery.pk}.{delivery.occurrence:%Y%m%d}.{delivery.lead_days}@{domain or site_domain()}>"
