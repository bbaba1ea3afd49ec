"""An action: one thing to do (write, sign, come), to whom, with a suggested message, by a deadline."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import KeyDate
from core.audit import audited
from core.models import Campaign, InUseProtected, Organisation, Source
from core.publishing import Publishable, PublishableQuerySet, Visibility, public_relation
from demands.models import Demand
from prisoners.models import Prisoner

# The end of the deadline's day, when no time is given: "by 15 December" means all of that day.
END_OF_DAY = datetime.time(23, 59)


class Addressee(InUseProtected):
    """Whom an action writes to: an office or organisation, with the ways to reach it (all public)."""

    name = models.CharField(_("name"), max_length=200, help_text=_("The office, as a letter addresses it."))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="addressees",
    )
    email = models.EmailField(_("email"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    web_form = models.URLField(_("web form"), max_length=500, blank=True)
    public_account = models.URLField(
        _("public account"), max_length=500, blank=True, help_text=_("A public page or social media account.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")

    def __str__(self):
        return self.name


class ActionQuerySet(PublishableQuerySet):
    def published(self):
        """An action is public only while its campaign is."""
        return super().published().filter(campaign__visibility=Visibility.PUBLISHED)

    def current(self, now=None):
        """Open, begun, and its deadline not passed, each in its campaign's time zone."""
        now = now or timezone.now()
        return self.filter(status=Action.Status.OPEN, opens_at__lte=now, closes_at__gt=now)

    def closed(self):
        return self.filter(status=Action.Status.CLOSED)

    def past_deadline(self, now=None):
        """Still open though the deadline has passed: waiting for its outcome, or to be closed."""
        return self.filter(status=Action.Status.OPEN, closes_at__lte=now or timezone.now())

    def with_participants(self):
        """`participants`: everyone counted, visitors and subscribers (a sum over a few tally rows)."""
        counted = (
            Participation.objects.filter(action=OuterRef("pk"))
            .order_by()
            .values("action")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return self.annotate(participants=Coalesce(Subquery(counted), 0))

    def listed(self):
        """As lists show them: those one can still take part in first, soonest deadline first; then the
        rest, latest deadline first. With their campaign and count."""
        takes_part = models.Q(status=Action.Status.OPEN, opens_at__lte=Now(), closes_at__gt=Now())
        return (
            self.published()
            .select_related("campaign")
            .with_participants()
            .alias(rank=models.Case(models.When(takes_part, then=0), default=1))
            .order_by("rank", models.Case(models.When(takes_part, then="closes_at")), "-closes_at", "pk")
        )


class Action(Publishable):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class Kind(models.TextChoices):
        LETTER = "letter", _("Write a letter or email")
        PETITION = "petition", _("Sign a petition")
        CALL = "call", _("Call")
        EVENT = "event", _("Come to an event")
        SHARE = "share", _("Share")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200, unique=True, help_text=_("The page's address: /actions/…/"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LETTER)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One sentence, shown in lists and emails."))
    steps = models.TextField(_("what to do"), help_text=_("Plain steps, one per line."))
    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="actions")
    key_date = models.ForeignKey(
        KeyDate,
        verbose_name=_("key date"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        help_text=_("The date it serves (an action day's reminders carry its actions)."),
    )
    prisoners = models.ManyToManyField(Prisoner, verbose_name=_("people"), blank=True, related_name="actions")
    demands = models.ManyToManyField(Demand, verbose_name=_("demands"), blank=True, related_name="actions")
    addressees = models.ManyToManyField(Addressee, verbose_name=_("addressees"), blank=True, related_name="actions")
    write_in = models.CharField(
        _("language to write in"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the addressee reads; the page offers the message in it as well."),
    )
    message_subject = models.CharField(_("subject"), max_length=200, blank=True)
    salutation = models.CharField(_("salutation"), max_length=200, blank=True, help_text=_("For example: Dear Sir,"))
    message = models.TextField(_("suggested message"), blank=True)
    starts_on = models.DateField(_("starts on"), default=datetime.date.today)
    deadline = models.DateField(_("deadline"), help_text=_("The last day to act, in the campaign's time zone."))
    deadline_time = models.TimeField(
        _("deadline time"), null=True, blank=True, help_text=_("Local time; empty means the end of the day.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    outcome = models.TextField(
        _("outcome"),
        blank=True,
        help_text=_("What came of it, for example: released on 3 March. Everyone who took part is told."),
    )
    outcome_on = models.DateField(_("outcome date"), null=True, blank=True)
    outcome_source = models.ForeignKey(
        Source,
        verbose_name=_("source of the outcome"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="actions")
    # The start and the deadline as moments, from the dates, times and the campaign's time zone: what
    # lists and reminders compare with the clock (set on every save).
    opens_at = models.DateTimeField(editable=False, null=True)
    closes_at = models.DateTimeField(editable=False, null=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "title"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [
            models.Index(fields=["status", "closes_at"], name="action_status_closes"),
            # The feeds' newest first: actions as they opened, and as their outcomes came.
            models.Index(fields=["opens_at"], name="action_opens"),
            models.Index(fields=["outcome_on"], name="action_outcome_on"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("actions:detail", args=[self.slug])

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.campaign.timezone)

    @property
    def deadline_at(self):
        """The moment the deadline passes, in the campaign's time zone."""
        return datetime.datetime.combine(self.deadline, self.deadline_time or END_OF_DAY, self.tz)

    @property
    def starts_at(self):
        return datetime.datetime.combine(self.starts_on, datetime.time.min, self.tz)

    def is_current(self, now=None):
        """Open for supporters now: open, begun, and its deadline not passed (campaign time)."""
        now = now or timezone.now()
        return self.status == self.Status.OPEN and self.starts_at <= now < self.deadline_at

    def save(self, *args, **kwargs):
        self.opens_at, self.closes_at = self.starts_at, self.deadline_at
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "opens_at", "closes_at"}
        super().save(*args, **kwargs)

    @property
    def step_list(self):
        """The steps, one per line, in the language being read."""
        return [line.strip() for line in self.steps.splitlines() if line.strip()]

    @property
    def has_outcome(self):
        return self.status == self.Status.CLOSED and bool(self.outcome.strip())

    def clean(self):
        super().clean()
        errors = {}
        if self.deadline and self.starts_on and self.deadline < self.starts_on:
            errors["deadline"] = _("The deadline is before the action starts.")
        if self.outcome.strip() and self.outcome_source_id is None:
            errors["outcome_source"] = _("Cite the source of the outcome: everyone who took part will be told it.")
        if self.outcome.strip() and self.status != self.Status.CLOSED:
            errors["status"] = _("An action with an outcome is closed.")
        if errors:
            raise ValidationError(errors)

    def unsourced_facts(self):
        return [_("outcome")] if self.outcome.strip() and self.outcome_source_id is None else []


class Participation(models.Model):
    """How many took part, per action, day, language and channel: a count, never a person.

    Not public data for the page cache: a click must not make every cached page stale. Pages show
    the count as of their rendering; the count's own address (uncached) has it now.
    """

    class Channel(models.TextChoices):
        VISITOR = "visitor", _("On the site")
        SUBSCRIBER = "subscriber", _("From an email")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="participations")
    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["day"]
        verbose_name = _("participation count")
        verbose_name_plural = _("participation counts")
        constraints = [
            models.UniqueConstraint(fields=["action", "day", "language", "channel"], name="one_tally_per_day")
        ]


public_relation(Action, "people", "prisoners", Prisoner.objects.published)
public_relation(Action, "demands", "demands", Demand.objects.published)
public_relation(Action, "addressees", "addressees", Addressee.objects.all)
public_relation(Action, "sources", "sources", Source.objects.all)
public_relation(Prisoner, "open_actions", "actions", lambda: Action.objects.published().current())
public_relation(Demand, "open_actions", "actions", lambda: Action.objects.published().current())
public_relation(Campaign, "open_actions", "actions", lambda: Action.objects.published().current())
public_relation(KeyDate, "open_actions", "actions", lambda: Action.objects.published().current())

audited(Action, exclude_fields=("opens_at", "closes_at"))  # derived from the dates
audited(Addressee)
