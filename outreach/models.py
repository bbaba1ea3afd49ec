"""Supporters who asked for reminders, and the outbox of what was sent to them.

These tables were the campaigns app's before outreach had an app of its own: they keep their
names (`db_table`), so the move changed no data.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models, router, transaction
from django.db.models.functions import Now
from django.db.models.sql import UpdateQuery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actions.models import Action
from core.models import Campaign
from demands.models import Demand
from prisoners.models import Prisoner

LEAD_DAY_CHOICES = [
    (30, _("30 days before")),
    (14, _("14 days before")),
    (7, _("7 days before")),
    (3, _("3 days before")),
    (1, _("1 day before")),
]
DEFAULT_LEAD_DAYS = [7, 1]


def default_lead_days():
    return list(DEFAULT_LEAD_DAYS)


def validate_lead_days(value):
    """Days before: a list of the offered choices. The admin lets anyone type the JSON by hand."""
    allowed = {days for days, _label in LEAD_DAY_CHOICES}
    if not isinstance(value, list) or not value or not all(type(days) is int and days in allowed for days in value):
        choices = ", ".join(str(days) for days in sorted(allowed, reverse=True))
        raise ValidationError(
            _("Give a list of days before the date, taken from %(choices)s, for example [7, 1]."),
            params={"choices": choices},
            code="lead_days",
        )


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed, not unsubscribed, and not refused by their mail server: the only ones we write to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True, bounced_at__isnull=True)


class Suppression(models.Model):
    """An address that asked us to stop, or whose server refused it, remembered after its row is gone.

    Only a keyed hash of the address is kept. A public request for a suppressed address sends at
    most one confirmation per SUBSCRIPTION_CONFIRM_DAYS, and nothing else until its owner confirms.
    """

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        REFUSED = "refused", _("Refused by its mail server")

    address_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")


class Subscriber(models.Model):
    """A supporter who asked for reminders. Personal data: never shown on a public page."""

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    campaigns = models.ManyToManyField(
        Campaign, verbose_name=_("campaigns followed"), blank=True, related_name="subscribers"
    )
    prisoners = models.ManyToManyField(
        Prisoner, verbose_name=_("people followed"), blank=True, related_name="subscribers"
    )
    demands = models.ManyToManyField(Demand, verbose_name=_("demands followed"), blank=True, related_name="subscribers")
    lead_days = models.JSONField(_("days before"), default=default_lead_days, validators=[validate_lead_days])
    # On for new subscribers (the form's default); those who subscribed before actions existed were
    # not asked, and stay off (migration 0007).
    action_alerts = models.BooleanField(
        _("new actions"), default=True, help_text=_("An email when an action opens, and before its deadline.")
    )
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

    def held_by(self, token):
        """Rows a sender still holds: claimed by it, and not taken back by another as abandoned."""
        return self.filter(status=Delivery.Status.SENDING, claimed_by=token)

    def claim(self, token, limit):
        """Take up to `limit` of these rows, oldest due first, for one sender, and return their ids.

        The rows go pending → sending, stamped with the sender's token and the database's clock, by
        an UPDATE ... RETURNING that says which rows this sender got. On PostgreSQL they are chosen
        FOR UPDATE SKIP LOCKED, so senders on several machines take different rows instead of
        queueing behind each other's locks; SQLite lets one writer through at a time anyway.
        """
        db = self._write_db()
        due = self.using(db).filter(status=Delivery.Status.PENDING).order_by("next_attempt_at", "pk")
        connection = connections[db]
        pk = connection.ops.quote_name(Delivery._meta.pk.column)
        with transaction.atomic(using=db):
            # Chosen first, then updated by id: as one statement (`id IN (SELECT ... LIMIT ...)`),
            # PostgreSQL may run the choice again while updating and take more rows than the limit,
            # and right after planning, with no statistics yet on the new rows, it chose a plan that
            # took two seconds for 500 rows.
            ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
            if not ids:
                return []
            update = Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).query.chain(UpdateQuery)
            update.add_update_values({"status": Delivery.Status.SENDING, "claimed_at": Now(), "claimed_by": token})
            sql, params = update.get_compiler(db).as_sql()
            with connection.cursor() as cursor:
                cursor.execute(f"{sql} RETURNING {pk}", params)
                return sorted(row[0] for row in cursor.fetchall())

    def advance(self, token, sent, sent_at, handed_over):
        """A sender's write per chunk, in one statement: the `sent` rows become sent (an attempt
        counted), the `handed_over` rows are marked as handed to the mail server. Only rows the
        sender still holds change. Returns how many rows changed (all of them, unless another
        sender took some back meanwhile).

        One statement rather than two in a transaction: the sender writes this every few messages,
        and the ORM's two UPDATEs, BEGIN and COMMIT cost its thread several times what sending a
        message does (docs/performance.md). Written by hand: the same statement as an ORM update with
        `Case(When(...))` took 1.6 ms of CPU per chunk of 16 against 0.3 ms for this, on PostgreSQL,
        which is as much as the single statement saves.
        """
        db = self._write_db()
        connection = connections[db]
        quote, fields = connection.ops.quote_name, {f.name: f for f in Delivery._meta.concrete_fields}
        column = {name: quote(field.column) for name, field in fields.items()}
        now_sql, now_params = self.query.get_compiler(db).compile(Now())

        def listed(ids):
            return f"{column['id']} IN ({', '.join(['%s'] * len(ids))})"

        assignments, params = [], []
        if sent:
            when = f"CASE WHEN {listed(sent)} THEN"
            assignments += [
                f"{column['status']} = {when} %s ELSE {column['status']} END",
                f"{column['sent_at']} = {when} %s ELSE {column['sent_at']} END",
                f"{column['attempts']} = {when} {column['attempts']} + 1 ELSE {column['attempts']} END",
                f"{column['last_error']} = {when} '' ELSE {column['last_error']} END",
            ]
            params += [
                *sent,
                Delivery.Status.SENT,
                *sent,
                fields["sent_at"].get_db_prep_save(sent_at, connection),
                *sent,
                *sent,
            ]
        if handed_over:
            assignments.append(
                f"{column['in_flight_since']} = CASE WHEN {listed(handed_over)} THEN {now_sql} "
                f"ELSE {column['in_flight_since']} END"
            )
            params += [*handed_over, *now_params]
        if not assignments:
            return 0
        rows = [*sent, *handed_over]
        # Only quoted names from the model are spliced in; every value is a parameter.
        sql = (
            f"UPDATE {quote(Delivery._meta.db_table)} SET {', '.join(assignments)} "  # noqa: S608
            f"WHERE {listed(rows)} AND {column['status']} = %s AND {column['claimed_by']} = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *rows, Delivery.Status.SENDING, token])
            return cursor.rowcount

    def _write_db(self):
        # Raw writes go where the router sends writes (`self.db` is where it sends reads).
        return self._db or router.db_for_write(self.model, **self._hints)

    def resend_failed(self, now):
        """Queue failed and uncertain reminders again (a person checked that they did not arrive)."""
        return self.filter(status__in=[Delivery.Status.FAILED, Delivery.Status.UNCERTAIN]).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=now, last_error=""
        )


class Delivery(models.Model):
    """One email in the outbox: a reminder, a subscription email or a staff digest. Sent at most once.

    The unique keys mean a reminder (subscriber, occasion, occurrence, lead) or a week's digest to
    one recipient can be planned only once, however many ticks run at the same time; the status
    moves pending → sending → an outcome (sent, failed, uncertain, cancelled) by conditional
    updates, so only one worker can send it.
    """

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder")
        CONFIRM = "confirm", _("Confirmation request")
        ALREADY_SUBSCRIBED = "already_subscribed", _("Already subscribed")
        DIGEST = "digest", _("Staff digest")
        NOTICE = "notice", _("Notice (to staff, or an acknowledgement)")
        ACTION = "action", _("Action (new, deadline, outcome)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # The message may have arrived (no answer after it was sent): never resent automatically.
        UNCERTAIN = "uncertain", _("Uncertain")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REMINDER)
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries", null=True, blank=True
    )
    email = models.EmailField(_("to (staff)"), blank=True, help_text=_("For staff digests, which go to no subscriber."))
    occasion_key = models.CharField(_("occasion"), max_length=60)
    occurrence = models.DateField(_("date of the occasion"))
    lead_days = models.PositiveSmallIntegerField(_("days before"))
    title = models.CharField(_("title"), max_length=300)
    # A confirmation's requested choices (language, campaigns, people, days before), applied only when
    # the owner of the address confirms: a stranger's request changes nothing of theirs.
    requested = models.JSONField(_("choices asked for"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # Stamped and judged by the database's clock, so that workers on several machines agree.
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    claimed_by = models.CharField(_("claimed by"), max_length=32, blank=True)
    # Set just before the message is handed to the mail server. A dead sender's row without it was
    # certainly not sent (it goes back to the queue); with it, it may have been (it is uncertain).
    in_flight_since = models.DateTimeField(_("handed to the mail server"), null=True, blank=True)
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
            ),
            models.UniqueConstraint(
                fields=["email", "occasion_key"], condition=models.Q(kind="digest"), name="one_digest_per_recipient"
            ),
            models.UniqueConstraint(
                fields=["email", "occasion_key"], condition=models.Q(kind="notice"), name="one_notice_per_recipient"
            ),
        ]
        indexes = [
            # The sender's query every tick: pending rows whose next attempt is due. Partial, so it
            # stays small however many sent rows pile up.
            models.Index(fields=["next_attempt_at"], name="delivery_pending_due", condition=models.Q(status="pending")),
            # Counting what a tick planned, and pruning old rows.
            models.Index(fields=["created_at"], name="delivery_created"),
        ]

    def __str__(self):
        return f"{self.title} → {self.subscriber_id or self.email} ({self.lead_days}d)"


class ActionDoneQuerySet(models.QuerySet):
    def of_action(self, action):
        return self.filter(action=action)


class ActionDone(models.Model):
    """A subscriber marked an action done through their personal link: counted once, told the outcome.

    Personal data (who acted), never public: pages and exports show only the counts.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="actions_done")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="done_by")
    done_at = models.DateTimeField(_("done"), auto_now_add=True)

    objects = ActionDoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("action done")
        verbose_name_plural = _("actions done")
        constraints = [models.UniqueConstraint(fields=["subscriber", "action"], name="one_done_per_subscriber")]


class DeliveryTally(models.Model):
    """How many outbox rows ended how, per month and kind: kept when old rows are pruned."""

    month = models.DateField(_("month"))
    kind = models.CharField(_("kind"), max_length=20, choices=Delivery.Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Delivery.Status.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["-month", "kind", "status"]
        verbose_name = _("delivery count (pruned rows)")
        verbose_name_plural = _("delivery counts (pruned rows)")
        constraints = [models.UniqueConstraint(fields=["month", "kind", "status"], name="one_tally_per_month")]


class StaffDigest(models.Model):
    """One row per week: the week's digest was planned, one outbox row per staff recipient."""

    week = models.DateField(unique=True)
    sent_at = models.DateTimeField("planned", null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "campaigns_staffdigest"


class TickRecord(models.Model):
    """The last run of a periodic job, for /healthz and the admin. Its row also serves as the
    planner's lock: one planner at a time holds it FOR UPDATE."""

    name = models.CharField(_("job"), max_length=40, unique=True)
    started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    succeeded_at = models.DateTimeField(_("last succeeded"), null=True, blank=True)
    report = models.JSONField(_("last report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")

    def __str__(self):
        return self.name
