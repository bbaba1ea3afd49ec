import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.core.audit import audited
from campaigns.core.dates import local_today
from campaigns.core.models import Campaign, Organisation, Source
from campaigns.core.publishing import PublicRelationsQuerySet, Publishable, PublishableQuerySet, public_relation
from campaigns.core.status import StatusChange
from campaigns.core.text import search_key

# Longer than any term a Kazakh court hands down short of life; a larger figure is a typo.
MAX_SENTENCE_YEARS = 30


class Status(models.TextChoices):
    AT_RISK = "at_risk", _("At risk")
    DETAINED = "detained", _("Detained awaiting trial")
    IMPRISONED = "imprisoned", _("Convicted and imprisoned")
    RESTRICTED = "restricted", _("Restricted freedom")
    SUSPENDED = "suspended", _("Suspended sentence")
    RELEASED = "released", _("Released")
    EXILE = "exile", _("In exile")
    KILLED = "killed", _("Killed")
    DECEASED = "deceased", _("Deceased")
    UNKNOWN = "unknown", _("Not known")


DETAINED_STATUSES = (Status.DETAINED, Status.IMPRISONED)


class PrisonerQuerySet(PublishableQuerySet):
    def detained(self):
        return self.filter(status__in=DETAINED_STATUSES)

    def search(self, text):
        key = search_key(text)
        if not key:
            return self
        alias_match = Alias.objects.filter(prisoner=OuterRef("pk"), search_key__contains=key)
        return self.filter(Q(search_key__contains=key) | Exists(alias_match))

    def matching_name(self, name):
        """Records whose name or an alias folds to the same key as `name`."""
        key = search_key(name)
        return self.filter(Q(search_key=key) | Exists(Alias.objects.filter(prisoner=OuterRef("pk"), search_key=key)))


class Prisoner(Publishable):
    name = models.CharField(_("name"), max_length=200, help_text=_("The name most used in English."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    native_name = models.CharField(_("name in Cyrillic"), max_length=200, blank=True)
    photo = models.ImageField(_("photo"), upload_to="photos/", blank=True)
    photo_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, default="Kazakhstan")
    region = models.CharField(_("region"), max_length=100, blank=True)
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    affiliation = models.ForeignKey(
        Organisation, verbose_name=_("affiliation"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="members",
    )
    campaigns = models.ManyToManyField(Campaign, verbose_name=_("campaigns"), blank=True, related_name="prisoners")
    summary = models.CharField(_("summary"), max_length=300, blank=True, help_text=_("One sentence, shown in lists."))
    biography = models.TextField(_("biography"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AT_RISK, db_index=True)
    facility = models.CharField(_("detention facility"), max_length=300, blank=True)
    postal_address = models.TextField(_("address to write to"), blank=True)
    arrested_on = models.DateField(_("arrested on"), null=True, blank=True)
    released_on = models.DateField(_("released on"), null=True, blank=True)
    died_on = models.DateField(_("died on"), null=True, blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="prisoners")
    reminders_paused = models.BooleanField(
        _("reminders paused"), default=False,
        help_text=_("No reminders for this person's arrest anniversaries, release date or milestones."),
    )

    # Private: these never leave the admin.
    family_contacts = models.TextField(_("family contacts"), blank=True, help_text=_("Private."))
    lawyer_contacts = models.TextField(_("lawyer contacts"), blank=True, help_text=_("Private."))
    consent_notes = models.TextField(_("consent notes"), blank=True, help_text=_("Private."))
    internal_notes = models.TextField(_("internal notes"), blank=True, help_text=_("Private."))

    search_key = models.CharField(max_length=420, editable=False, db_index=True)

    objects = PrisonerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("prisoners:detail", args=[self.slug])

    def save(self, *args, **kwargs):
        self.search_key = f"{search_key(self.name)} {search_key(self.native_name)}".strip()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        today = local_today()
        if self.arrested_on and self.arrested_on > today:
            errors["arrested_on"] = _("The arrest date is in the future.")
        if self.arrested_on and self.released_on and self.released_on < self.arrested_on:
            errors["released_on"] = _("The release date is before the arrest date.")
        if self.arrested_on and self.died_on and self.died_on < self.arrested_on and self.status != Status.KILLED:
            errors["died_on"] = _("The date of death is before the arrest date.")
        if self.name and not errors.get("name"):
            duplicate = Prisoner.objects.matching_name(self.name).exclude(pk=self.pk).first()
            if duplicate:
                errors["name"] = _("There is already a record for %(name)s (same name or alias).") % {"name": duplicate}
        if errors:
            raise ValidationError(errors)

    @property
    def is_detained(self):
        return self.status in DETAINED_STATUSES

    @property
    def address_for_letters(self):
        """Published only while the person is held: after a release or a transfer, an old prison
        address would send letters astray, or tell strangers where someone was."""
        return self.postal_address if self.is_detained else ""

    def custodial_sentence(self):
        """The latest prison sentence, from the sentences already attached when there are some."""
        sentences = self.public_sentences if hasattr(self, "public_sentences") else self.sentences.all()
        custodial = [s for s in sentences if s.kind == Sentence.Kind.IMPRISONMENT]
        return max(custodial, key=lambda s: (s.handed_down_on or datetime.date.min, s.pk), default=None)

    @property
    def expected_release(self):
        if self.status not in DETAINED_STATUSES:
            return None
        sentence = self.custodial_sentence()
        return sentence.end_date if sentence else None

    def days_in_detention(self, today=None):
        today = today or local_today()
        if self.is_detained and self.arrested_on:
            return (today - self.arrested_on).days
        return None

    def days_since_release(self, today=None):
        today = today or local_today()
        if self.status == Status.RELEASED and self.released_on:
            return (today - self.released_on).days
        return None


class Alias(models.Model):
    class Kind(models.TextChoices):
        TRANSLITERATION = "transliteration", _("Transliteration")
        NATIVE = "native", _("Native script")
        SPELLING = "spelling", _("Other spelling")
        NICKNAME = "nickname", _("Nickname or former name")

    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRANSLITERATION)
    search_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias or transliteration")
        verbose_name_plural = _("aliases and transliterations")
        constraints = [models.UniqueConstraint(fields=["prisoner", "name"], name="unique_alias_per_person")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        if not self.name:
            return
        others = Prisoner.objects.matching_name(self.name)
        if self.prisoner_id:
            others = others.exclude(pk=self.prisoner_id)
        duplicate = others.first()
        if duplicate:
            raise ValidationError(
                {"name": _("This name already belongs to %(name)s: is this the same person?") % {"name": duplicate}}
            )


class Charge(models.Model):
    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="charges")
    article = models.CharField(_("criminal code article"), max_length=100, blank=True)
    description = models.CharField(_("description"), max_length=300)
    charged_on = models.DateField(_("charged on"), null=True, blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="+")

    class Meta:
        ordering = ["charged_on", "id"]
        verbose_name = _("charge")
        verbose_name_plural = _("charges")

    def __str__(self):
        return f"{self.article} {self.description}".strip()


class Sentence(models.Model):
    class Kind(models.TextChoices):
        IMPRISONMENT = "imprisonment", _("Imprisonment")
        RESTRICTED = "restricted", _("Restricted freedom")
        SUSPENDED = "suspended", _("Suspended sentence")
        LIFE = "life", _("Life imprisonment")
        FINE = "fine", _("Fine")
        OTHER = "other", _("Other")

    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="sentences")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.IMPRISONMENT)
    years = models.PositiveSmallIntegerField(_("years"), default=0, validators=[MaxValueValidator(MAX_SENTENCE_YEARS)])
    months = models.PositiveSmallIntegerField(_("months"), default=0, validators=[MaxValueValidator(11)])
    days = models.PositiveSmallIntegerField(_("days"), default=0, validators=[MaxValueValidator(366)])
    handed_down_on = models.DateField(_("handed down on"), null=True, blank=True)
    court = models.CharField(_("court"), max_length=200, blank=True)
    starts_on = models.DateField(
        _("counted from"), null=True, blank=True, help_text=_("Leave empty to count from the arrest date.")
    )
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Only when the court or the prison gave a date; otherwise computed.")
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="+")

    class Meta:
        ordering = ["handed_down_on", "id"]
        verbose_name = _("sentence")
        verbose_name_plural = _("sentences")

    def __str__(self):
        return f"{self.get_kind_display()} {self.length_display}".strip()

    @property
    def has_length(self):
        return bool(self.years or self.months or self.days)

    @property
    def length_display(self):
        parts = []
        if self.years:
            parts.append(_("%(n)d years") % {"n": self.years} if self.years != 1 else _("1 year"))
        if self.months:
            parts.append(_("%(n)d months") % {"n": self.months} if self.months != 1 else _("1 month"))
        if self.days:
            parts.append(_("%(n)d days") % {"n": self.days} if self.days != 1 else _("1 day"))
        return " ".join(str(part) for part in parts)

    @property
    def start_date(self):
        return self.starts_on or (self.prisoner.arrested_on if self.prisoner_id else None)

    @property
    def end_date(self):
        if self.ends_on:
            return self.ends_on
        if self.kind == self.Kind.LIFE or not self.has_length or not self.start_date:
            return None
        return self.start_date + relativedelta(years=self.years, months=self.months, days=self.days)

    def clean(self):
        errors = {}
        timed = self.kind in (self.Kind.IMPRISONMENT, self.Kind.RESTRICTED, self.Kind.SUSPENDED)
        if timed and not self.has_length and not self.ends_on:
            errors["years"] = _("Give the length of the sentence (years, months or days) or the date it ends.")
        if self.kind == self.Kind.LIFE and self.has_length:
            errors["years"] = _("A life sentence has no length in years.")
        if (self.years or 0) * 365 + (self.months or 0) * 31 + (self.days or 0) > MAX_SENTENCE_YEARS * 366:
            errors["years"] = _("A sentence longer than %(n)d years is not plausible: check the figures.") % {
                "n": MAX_SENTENCE_YEARS
            }
        start = self.start_date
        if self.ends_on and start and self.ends_on < start:
            errors["ends_on"] = _("The sentence ends before it starts.")
        arrested = self.prisoner.arrested_on if self.prisoner_id else None
        if self.handed_down_on and arrested and self.handed_down_on < arrested:
            errors["handed_down_on"] = _("The sentence is dated before the arrest.")
        if self.handed_down_on and self.handed_down_on > local_today():
            errors["handed_down_on"] = _("The sentence date is in the future.")
        if errors:
            raise ValidationError(errors)


class TimelineEventQuerySet(PublicRelationsQuerySet):
    def public(self):
        return self.filter(is_public=True)


class TimelineEvent(models.Model):
    class Kind(models.TextChoices):
        ARREST = "arrest", _("Arrest")
        TRIAL = "trial", _("Trial")
        SENTENCE = "sentence", _("Sentence")
        APPEAL = "appeal", _("Appeal")
        TRANSFER = "transfer", _("Transfer")
        SOLITARY = "solitary", _("Solitary confinement")
        HUNGER_STRIKE = "hunger_strike", _("Hunger strike")
        HEALTH = "health", _("Health")
        RELEASE = "release", _("Release")
        DEATH = "death", _("Death")
        OTHER = "other", _("Other")

    class Precision(models.TextChoices):
        DAY = "day", _("Exact day")
        MONTH = "month", _("Month only")
        YEAR = "year", _("Year only")

    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="events")
    date = models.DateField(_("date"))
    # Sources often say only "in April 2011"; the page must not look more certain than they are.
    date_precision = models.CharField(
        _("date known to"), max_length=5, choices=Precision.choices, default=Precision.DAY,
        help_text=_("For a month or year only, enter the first day of it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="events")
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Untick to keep this event in the admin only (for example to protect someone).")
    )

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self):
        return f"{self.date}: {self.title}"

    def clean(self):
        if self.date and self.date > local_today():
            raise ValidationError({"date": _("A timeline event cannot be in the future; use a key date for what is planned.")})


class PrisonerStatusChange(StatusChange):
    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="status_changes")

    status_choices = Status

    class Meta(StatusChange.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status history")


public_relation(TimelineEvent, "sources", "sources", Source.objects.all)
public_relation(Prisoner, "campaigns", "campaigns", Campaign.objects.published)
public_relation(Prisoner, "sources", "sources", Source.objects.all)
public_relation(Prisoner, "aliases", "aliases", Alias.objects.all)
public_relation(Prisoner, "charges", "charges", Charge.objects.all)
public_relation(Prisoner, "sentences", "sentences", Sentence.objects.all)
public_relation(Prisoner, "events", "events", lambda: TimelineEvent.objects.public().with_public("sources"))
public_relation(Prisoner, "status_changes", "status_changes", lambda: PrisonerStatusChange.objects.select_related("source"))
public_relation(Campaign, "people", "prisoners", Prisoner.objects.published)


for _model in (Prisoner, Alias, Charge, Sentence, TimelineEvent, PrisonerStatusChange):
    audited(_model)
