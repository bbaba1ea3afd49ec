import datetime
import functools
import re

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Cast, Concat, TruncDate
from django.db.models.query import ModelIterable
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from core.audit import audited
from core.dates import (
    Precision,
    local_today,
    normalise_partial_dates,
    partial_date,
    period_end,
    period_start,
    precision_field,
)
from core.encryption import EncryptedTextField
from core.figures import figure
from core.languages import columns_of, in_every_language
from core.models import Campaign, Organisation, Source
from core.protection import Protected, ProtectedQuerySet
from core.publishing import PublicRelationsQuerySet, Publishable, PublishableQuerySet, Visibility, public_relation
from core.sourcing import SourcedQuerySet, cites_a_source
from core.status import Grade, StatusChange, StatusChangeQuerySet, unsourced_status
from core.text import (
    initials,
    search_key,
    search_words,
    validate_marks,
    withheld,
    without_marks,
)

from .search import MAX_WORDS, index_words, with_every_word, with_word_near, with_word_starting

PHOTO_DIR = "photos"  # under MEDIA_ROOT; served by `views.photo`, which checks who may see each

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
LIST_ORDER_LANGUAGES = ("en", "ru", "kk")  # one list_order_<code> column each
# Kept from other fields by Prisoner.save(), and written with them.
NAME_FIELDS = {"name", "native_name", *in_every_language("name")}  # what the name index is made from
DERIVED_FIELDS = ("search_key", "arrested_year", "list_rank", *(f"list_order_{code}" for code in LIST_ORDER_LANGUAGES))
# No longer held because they were freed or died: what a demand for their release must then answer to.
ENDED_STATUSES = (Status.RELEASED, Status.KILLED, Status.DECEASED)


class Consent(models.TextChoices):
    CONSENTED = "consented", _("Named, with consent")
    PUBLIC_INTEREST = "public_interest", _("Named in the public interest (no consent obtained)")
    ANONYMISED = "anonymised", _("Anonymised: initials only, no photo, identifying details withheld")
    WITHDRAWN = "withdrawn", _("Withdrawn: not public at all")


# Contacts, consent and internal notes: for campaigners in the admin, never for the public.
PRIVATE_FIELDS = ("family_contacts", "lawyer_contacts", "consent_notes", "internal_notes")
ANONYMOUS_SLUG = re.compile(r"^anonymous-(\d+)$")
# Letters of the Kazakh Cyrillic alphabet that Russian has not: a native name with one is Kazakh.
KAZAKH_LETTERS = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
CYRILLIC = re.compile("[\u0400-\u04ff]")


class PublicFace(ModelIterable):
    """People as the public may see them. An anonymised person is reduced to initials, with no
    photo, no other names, no address and the passages marked identifying withheld; and a
    named person's marks are removed. Applied by `published()`, so every page, feed, calendar,
    email and sitemap that reads people through it gets the same face."""

    def __iter__(self):
        for person in super().__iter__():
            person.show_public_face()
            yield person


class PrisonerQuerySet(PublishableQuerySet):
    def published(self):
        """Published and not withdrawn, each person with the face the public may see (`PublicFace`)."""
        public = super().published().exclude(consent=Consent.WITHDRAWN)
        # Anonymised people last, among themselves by id: sorted by their real name, their place
        # between two named neighbours would spell out part of it. The keys are kept on each row
        # (`list_rank`, `list_order_<language>`) and indexed, so a page of the list reads a page of
        # rows, however many people there are.
        language = get_language() or settings.LANGUAGE_CODE
        order = f"list_order_{language}" if language in LIST_ORDER_LANGUAGES else f"list_order_{settings.LANGUAGE_CODE}"
        public = public.order_by("list_rank", order, "pk")
        public._iterable_class = PublicFace
        return public

    def in_brief(self):
        """Without the biography in each language: a list's card never shows it, and a long text would
        be read and cleaned of its marks (`show_public_face`) for every card."""
        return self.defer("biography", *in_every_language("biography"))

    def in_a_line(self):
        """Only what a line naming a person shows (a demand's or a campaign's people, the updates): the
        name, the address and the status. Each column left out is one not read or cleaned for every line;
        a page that reads another fails its tests (`refresh_from_db`) rather than fetch it unsanitised."""
        return self.only("slug", "consent", "status", "name", *in_every_language("name"))

    def public_count(self):
        """How many people the public may see, kept per version of the record (core.figures)."""
        return figure("people-count", lambda: Prisoner.objects.published().count())

    def at_public_address(self, slug):
        """The person a public address names: by slug, or "anonymous-<id>" for an anonymised person,
        whose real slug (their name) must lead nowhere."""
        anonymous = ANONYMOUS_SLUG.match(slug)
        if anonymous:
            return self.filter(pk=int(anonymous[1]), consent=Consent.ANONYMISED)
        return self.filter(slug=slug).exclude(consent=Consent.ANONYMISED)

    def hidden_at(self, slug):
        """Whether this address must answer as if it never existed, even if it once showed someone: a
        withdrawn person's, or an anonymised person's named one ("taken down" would tell a stranger
        that someone of that name was on the record)."""
        anonymous = ANONYMOUS_SLUG.match(slug)
        if anonymous:
            return self.filter(pk=int(anonymous[1]), consent=Consent.WITHDRAWN).exists()
        return self.filter(slug=slug, consent__in=[Consent.WITHDRAWN, Consent.ANONYMISED]).exists()

    def public_addresses(self):
        """(address, day last changed) of each person: their slug, or "anonymous-<id>" when anonymised
        (as `at_public_address` reads it), computed by the database: a sitemap lists tens of thousands."""
        address = Case(
            When(consent=Consent.ANONYMISED, then=Concat(Value("anonymous-"), Cast("pk", models.CharField()))),
            default=F("slug"),
            output_field=models.CharField(),
        )
        return self.order_by("pk").values_list(address, TruncDate("updated_at"))

    def showing_photo(self):
        return self.published().exclude(consent=Consent.ANONYMISED).exclude(photo="")

    def detained(self):
        return self.filter(status__in=DETAINED_STATUSES)

    def with_unsourced_facts(self):
        return self.exclude(pk__in=self.ready_to_publish().values("pk"))

    def ready_to_publish(self):
        """People whose every public fact cites a source: status history, public timeline events,
        charges and sentences."""
        unsourced = (
            PrisonerStatusChange.objects.unsourced(),
            TimelineEvent.objects.filter(is_public=True).unsourced(),
            Charge.objects.unsourced(),
            Sentence.objects.unsourced(),
        )
        ready = self
        for facts in unsourced:
            ready = ready.exclude(Exists(facts.filter(prisoner=OuterRef("pk"))))
        return ready

    def not_verified_since(self, day):
        return self.filter(Q(last_verified_on__lt=day) | Q(last_verified_on__isnull=True))

    def mark_verified(self, day):
        # Saved one by one, not with update(): each verification must reach the audit trail.
        for person in self:
            person.last_verified_on = day
            person.save(update_fields=["last_verified_on", "updated_at"])
        return len(self)

    def search(self, text):
        """People whose names or aliases have every typed word, in any order, at the start of a word;
        whole-word matches first. When nothing matches, one wrong letter per word is forgiven. Each
        word is looked up in the name index (prisoners/search.py), never by reading every name."""
        words = search_words(text)[:MAX_WORDS]
        if not words:
            return self
        # An anonymised person's names must not be confirmed by a search for them.
        people = self.exclude(consent=Consent.ANONYMISED)
        found = people.filter(*(Q(pk__in=with_word_starting(word)) for word in words))
        if not found.exists():
            found = people.filter(*(Q(pk__in=with_word_near(word)) for word in words))
        whole_words = sum(
            (Case(When(Q(search_key__contains=f" {word} "), then=Value(1)), default=Value(0)) for word in words),
            Value(0),
        )
        ordering = found.query.order_by or found.model._meta.ordering
        return found.annotate(search_rank=whole_words).order_by("-search_rank", *ordering)

    def matching_name(self, name):
        """Records with a name, a name in Cyrillic or an alias of the same words as `name`, in any order."""
        words = sorted(search_words(name))
        if not words:
            return self.none()
        candidates = self.filter(*with_every_word(words)).prefetch_related("aliases")
        return self.filter(
            pk__in=[
                person.pk
                for person in candidates
                if words
                in (
                    [sorted(search_words(known)) for known in person.names_for_search()]
                    + [sorted(search_words(alias.name)) for alias in person.aliases.all()]
                )
            ]
        )


class Prisoner(Publishable):
    name = models.CharField(_("name"), max_length=200, help_text=_("The name most used in English."))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    # Not a fourth translation of the name (those are name_en, name_ru, name_kk): the person's own
    # spelling, shown under the name whatever the page's language.
    native_name = models.CharField(
        _("name as the person writes it"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional: their own spelling, in their own script (usually Kazakh or Russian Cyrillic, as on their "
            "documents). Shown in small type under the name on every page, in every language, and found by the "
            "search."
        ),
    )
    photo = models.ImageField(_("photo"), upload_to=f"{PHOTO_DIR}/", blank=True)
    photo_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, default="Kazakhstan")
    region = models.CharField(_("region"), max_length=100, blank=True)
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    affiliation = models.ForeignKey(
        Organisation,
        verbose_name=_("affiliation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    campaigns = models.ManyToManyField(Campaign, verbose_name=_("campaigns"), blank=True, related_name="prisoners")
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence, shown in lists."),
        validators=[validate_marks],
    )
    biography = models.TextField(_("biography"), blank=True, validators=[validate_marks])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AT_RISK, db_index=True)
    facility = models.CharField(_("detention facility"), max_length=300, blank=True)
    postal_address = models.TextField(_("address to write to"), blank=True)
    arrested_on = models.DateField(_("arrested on"), null=True, blank=True)
    arrested_on_precision = precision_field(_("arrest date known to"))
    # The year alone, kept beside the date: the list's "year of arrest" choices and filter read an
    # index instead of every person's date.
    arrested_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False, db_index=True)
    released_on = models.DateField(_("released on"), null=True, blank=True)
    released_on_precision = precision_field(_("release date known to"))
    died_on = models.DateField(_("died on"), null=True, blank=True)
    died_on_precision = precision_field(_("date of death known to"))
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="prisoners")
    reminders_paused = models.BooleanField(
        _("reminders paused"),
        default=False,
        help_text=_("No reminders for this person's arrest anniversaries, release date or milestones."),
    )
    last_verified_on = models.DateField(
        _("last verified on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_('Set by the admin action "Mark as verified today" after checking the record against its sources.'),
    )
    consent = models.CharField(
        _("naming and consent"),
        max_length=20,
        choices=Consent.choices,
        default=Consent.PUBLIC_INTEREST,
        help_text=_(
            "Anonymised: the public sees initials only, no photo, no other names or address, and "
            "passages of the summary, biography and timeline marked [[like this]] are withheld."
        ),
    )

    # Private: these never leave the admin.
    family_contacts = EncryptedTextField(_("family contacts"), blank=True, help_text=_("Private."))
    lawyer_contacts = EncryptedTextField(_("lawyer contacts"), blank=True, help_text=_("Private."))
    consent_notes = EncryptedTextField(_("consent notes"), blank=True, help_text=_("Private."))
    internal_notes = EncryptedTextField(_("internal notes"), blank=True, help_text=_("Private."))

    search_key = models.CharField(max_length=420, editable=False, db_index=True)
    # The public list's order, kept on the row (see PrisonerQuerySet.published): 0 for a named
    # person, 1 for an anonymised one; the name as each language's reader sees it (theirs, else the
    # English), or, anonymised, the id, so that the place in the list gives no name away.
    list_rank = models.PositiveSmallIntegerField(default=0, editable=False)
    list_order_en = models.CharField(max_length=200, blank=True, editable=False)
    list_order_ru = models.CharField(max_length=200, blank=True, editable=False)
    list_order_kk = models.CharField(max_length=200, blank=True, editable=False)

    objects = PrisonerQuerySet.as_manager()

    # Set by the admin form when an editor confirms that a namesake is someone else.
    namesake_confirmed = False
    partial_dates = ("arrested_on", "released_on", "died_on")

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            models.Index(fields=["visibility", "consent"], name="prisoner_public"),
            *(
                # Led by visibility, so that the planner walks it for the public list's filter and
                # order at once, statistics or none (else it picks visibility's own index and sorts).
                models.Index(
                    fields=["visibility", "list_rank", f"list_order_{code}", "id"], name=f"prisoner_list_{code}"
                )
                for code in ("en", "ru", "kk")
            ),
            # The list's region filter: without it, a region few people come from is found by reading
            # every person (the list's order index walked to the end, and the count with it). On
            # PostgreSQL also one of region and status (migration 0024), not declared here: SQLite would
            # sort a region's people of one status with it rather than walk the list's order.
            models.Index(fields=["region_en"], name="prisoner_region"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("prisoners:detail", args=[self.slug])

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        # Also how a column left out of the query is read when asked for: it would come as written,
        # without the public face (a private field, an anonymised person's biography).
        if getattr(self, "public_face", False):
            raise ValueError(
                f"A person read for the public never reads a column left out (private, or not shown): {fields}."
            )
        super().refresh_from_db(using, fields, from_queryset)

    def save(self, *args, **kwargs):
        if getattr(self, "public_face", False):
            raise ValueError("A person read for the public (initials, withheld passages) is never saved back.")
        self.search_key = search_key(*self.names_for_search())
        normalise_partial_dates(self, *self.partial_dates)
        arrested_on = self._meta.get_field("arrested_on").to_python(self.arrested_on)
        self.arrested_year = arrested_on.year if arrested_on else None
        self.set_list_order()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *DERIVED_FIELDS}
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None or NAME_FIELDS & set(kwargs["update_fields"]):
            self.index_names()

    def index_names(self):
        """Bring the name index (prisoners/search.py) up to date with the names and aliases."""
        words = set(self.search_key.split())
        for key in Alias.objects.filter(prisoner=self).values_list("search_key", flat=True):
            words.update(key.split())
        index_words(self.pk, words)

    def set_list_order(self):
        anonymised = self.consent == Consent.ANONYMISED
        self.list_rank = 1 if anonymised else 0
        english = getattr(self, f"name_{settings.LANGUAGE_CODE}", None) or self.__dict__.get("name") or ""
        for code in LIST_ORDER_LANGUAGES:
            # Anonymised: all alike, so that the id (the list's last key) alone orders them.
            shown = "" if anonymised else (getattr(self, f"name_{code}", None) or english)
            setattr(self, f"list_order_{code}", shown[:200])

    def names_for_search(self):
        return [*(getattr(self, column) for column in in_every_language("name")), self.native_name]

    @property
    def native_name_language(self):
        """The language the person's own spelling is written in, for its `lang` attribute: Kazakh when it
        has a letter of the Kazakh Cyrillic alphabet that Russian lacks, else Russian when it is Cyrillic;
        "" for any other script (the page's language is then the best guess)."""
        if KAZAKH_LETTERS.search(self.native_name):
            return "kk"
        return "ru" if CYRILLIC.search(self.native_name) else ""

    @property
    def is_anonymised(self):
        return self.consent == Consent.ANONYMISED

    def shown_publicly(self):
        return self.is_published and self.consent != Consent.WITHDRAWN

    def taken_offline(self):
        """Withdrawing a public person's consent takes them off the site too: as deliberate as unpublishing."""
        if super().taken_offline():
            return True
        if self._state.adding or self.consent != Consent.WITHDRAWN:
            return False
        was_shown = Prisoner.objects.filter(pk=self.pk, visibility=Visibility.PUBLISHED).exclude(
            consent=Consent.WITHDRAWN
        )
        return was_shown.exists()

    def has_unsourced_status(self):
        return unsourced_status(self)

    def unsourced_facts(self):
        """The public facts on this person's record that cite no source, as the admin names them."""
        facts = [
            _("status %(status)s (%(date)s)")
            % {
                "status": change.get_new_status_display(),
                "date": partial_date(change.happened_on, change.happened_on_precision),
            }
            for change in self.status_changes.unsourced()
        ]
        facts += [
            _("timeline event “%(title)s”") % {"title": e.title} for e in self.events.filter(is_public=True).unsourced()
        ]
        facts += [_("charge “%(charge)s”") % {"charge": charge} for charge in self.charges.unsourced()]
        facts += [_("sentence “%(sentence)s”") % {"sentence": sentence} for sentence in self.sentences.unsourced()]
        return facts

    def show_public_face(self):
        self.public_face = True
        deferred = self.get_deferred_fields()
        shown = withheld if self.is_anonymised else without_marks
        # Every language's column, not only the active one's: a fallback to English, or a page in
        # another language, must never read a column that was left as written.
        for field in ("summary", "biography"):
            for column in (*in_every_language(field), field):
                if column not in deferred:
                    self.__dict__[column] = shown(self.__dict__.get(column) or "")
        if self.is_anonymised:
            # Each language's initials from that language's name (Cyrillic on /ru/ and /kk/ pages and in
            # their emails), else from the English name it falls back to, as the record does.
            english = getattr(self, f"name_{settings.LANGUAGE_CODE}") or self.__dict__.get("name") or ""
            for column in in_every_language("name"):
                self.__dict__[column] = initials(self.__dict__.get(column) or english)
            self.__dict__["name"] = initials(english)
            self.slug = f"anonymous-{self.pk}"
            self.native_name = self.photo = self.photo_credit = self.postal_address = ""

    def clean(self):
        super().clean()
        errors = {}
        today = local_today()
        arrested, released, died = (self._period(field) for field in self.partial_dates)
        if arrested and arrested[0] > today:
            errors["arrested_on"] = _("The arrest date is in the future.")
        if arrested and released and released[1] < arrested[0]:
            errors["released_on"] = _("The release date is before the arrest date.")
        if arrested and died and died[1] < arrested[0] and self.status != Status.KILLED:
            errors["died_on"] = _("The date of death is before the arrest date.")
        names = [name for name in self.names_for_search()[:-1] if name]  # every language's rendering
        if names and not self.namesake_confirmed:
            others = Prisoner.objects.exclude(pk=self.pk)
            duplicate = next((found for name in names if (found := others.matching_name(name).first())), None)
            if duplicate:
                errors[f"name_{settings.LANGUAGE_CODE}"] = _(
                    "There is already a record for %(name)s (same name or alias). If this is someone else, tick "
                    '"A different person with the same name" and save again.'
                ) % {"name": duplicate}
        if errors:
            raise ValidationError(errors)

    def _period(self, field):
        """(first day, last day) of a partial date, or None."""
        day, precision = getattr(self, field), getattr(self, f"{field}_precision")
        return (period_start(day, precision), period_end(day, precision)) if day else None

    @property
    def is_detained(self):
        return self.status in DETAINED_STATUSES

    @property
    def has_died(self):
        return self.status in (Status.KILLED, Status.DECEASED)

    @property
    def address_for_letters(self):
        """Published only while the person is held: after a release or a transfer, an old prison
        address would send letters astray, or tell strangers where someone was."""
        return self.postal_address if self.is_detained else ""

    @property
    def letters(self):
        """Whether a letter can reach them now: "address" (held, address known), "unknown" (held, no
        address yet), "free" (not held: a prison would return it), or "" (killed or died)."""
        if self.status in (Status.KILLED, Status.DECEASED):
            return ""
        if self.is_detained:
            return "address" if self.address_for_letters else "unknown"
        return "free"

    def custodial_sentence(self):
        """The latest prison sentence, from the sentences already attached when there are some."""
        sentences = self.public_sentences if hasattr(self, "public_sentences") else self.sentences.sourced()
        custodial = [s for s in sentences if s.kind == Sentence.Kind.IMPRISONMENT]
        return max(custodial, key=lambda s: (s.handed_down_on or datetime.date.min, s.pk), default=None)

    @property
    def expected_release(self):
        if self.status not in DETAINED_STATUSES:
            return None
        sentence = self.custodial_sentence()
        return sentence.end_date if sentence else None

    @property
    def expected_release_precision(self):
        sentence = self.custodial_sentence()
        return sentence.end_date_precision if sentence else Precision.DAY

    def days_in_detention(self, today=None):
        """Days since the arrest; from the end of its month or year when only that is known, so the
        figure is never more than the truth (`days_exact` says which)."""
        today = today or local_today()
        if self.is_detained and self.arrested_on:
            return max((today - period_end(self.arrested_on, self.arrested_on_precision)).days, 0)
        return None

    def days_since_release(self, today=None):
        today = today or local_today()
        if self.status == Status.RELEASED and self.released_on:
            return max((today - period_end(self.released_on, self.released_on_precision)).days, 0)
        return None

    @property
    def detention_days_exact(self):
        return self.arrested_on_precision == Precision.DAY

    @property
    def release_days_exact(self):
        return self.released_on_precision == Precision.DAY


class SourcedPartQuerySet(SourcedQuerySet, ProtectedQuerySet, PublicRelationsQuerySet):
    """Parts of a record that are facts: sourced, or not yet public."""


class PartOfPerson(Protected):
    """A detail of a person's record: kept as long as the person's record is."""

    objects = ProtectedQuerySet.as_manager()
    partial_dates = ()  # dates stored with a precision (`<field>_precision`)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        normalise_partial_dates(self, *self.partial_dates)
        super().save(*args, **kwargs)

    def protection(self):
        if self.prisoner_id and self.prisoner.protection():
            return _("it is part of a record that is or has been public")
        return ""


class Alias(PartOfPerson):
    class Kind(models.TextChoices):
        TRANSLITERATION = "transliteration", _("Transliteration")
        NATIVE = "native", _("Native script")
        SPELLING = "spelling", _("Other spelling")
        NICKNAME = "nickname", _("Nickname or former name")

    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TRANSLITERATION)
    search_key = models.CharField(max_length=200, editable=False, db_index=True)

    # Set by the admin form when an editor confirms that another person with this name is someone else.
    namesake_confirmed = False

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
        self.prisoner.index_names()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self.prisoner.index_names()
        return deleted

    def clean(self):
        if not self.name:
            return
        others = Prisoner.objects.matching_name(self.name)
        if self.prisoner_id:
            others = others.exclude(pk=self.prisoner_id)
        duplicate = others.first()
        if duplicate and not self.namesake_confirmed:
            raise ValidationError(
                {
                    "name": _(
                        'This name already belongs to %(name)s. If this is someone else, tick "Someone else with this '
                        'name" and save again.'
                    )
                    % {"name": duplicate}
                }
            )


class Charge(PartOfPerson):
    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="charges")
    article = models.CharField(_("criminal code article"), max_length=100, blank=True)
    description = models.CharField(_("description"), max_length=300)
    charged_on = models.DateField(_("charged on"), null=True, blank=True)
    charged_on_precision = precision_field()
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="+")

    objects = SourcedPartQuerySet.as_manager()
    partial_dates = ("charged_on",)

    class Meta:
        ordering = ["charged_on", "id"]
        verbose_name = _("charge")
        verbose_name_plural = _("charges")

    def __str__(self):
        return f"{self.article} {self.description}".strip()

    @classmethod
    def cited(cls):
        return cites_a_source(cls)


class Sentence(PartOfPerson):
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
    handed_down_on_precision = precision_field()
    court = models.CharField(_("court"), max_length=200, blank=True)
    starts_on = models.DateField(
        _("counted from"), null=True, blank=True, help_text=_("Leave empty to count from the arrest date.")
    )
    ends_on = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        help_text=_("Only when the court or the prison gave a date; otherwise computed."),
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="+")

    objects = SourcedPartQuerySet.as_manager()
    partial_dates = ("handed_down_on",)

    class Meta:
        ordering = ["handed_down_on", "id"]
        verbose_name = _("sentence")
        verbose_name_plural = _("sentences")

    def __str__(self):
        return f"{self.get_kind_display()} {self.length_display}".strip()

    @classmethod
    def cited(cls):
        return cites_a_source(cls)

    @property
    def has_length(self):
        return bool(self.years or self.months or self.days)

    @property
    def length_display(self):
        parts = []
        if self.years:
            parts.append(ngettext("%(n)d year", "%(n)d years", self.years) % {"n": self.years})
        if self.months:
            parts.append(ngettext("%(n)d month", "%(n)d months", self.months) % {"n": self.months})
        if self.days:
            parts.append(ngettext("%(n)d day", "%(n)d days", self.days) % {"n": self.days})
        return " ".join(str(part) for part in parts)

    @property
    def start_date(self):
        """Counted from: the date the court gave, else the first day the arrest may have been."""
        if self.starts_on or not self.prisoner_id or not self.prisoner.arrested_on:
            return self.starts_on
        return period_start(self.prisoner.arrested_on, self.prisoner.arrested_on_precision)

    @property
    def end_date(self):
        return self._end()[0]

    @property
    def end_date_precision(self):
        return self._end()[1]

    def _end(self):
        """(the end, its precision), or (None, day). Counted from an arrest known only to the month or the
        year, the end is known only as far as the earliest and the latest it can be agree: arrested "in
        2019" for five years ends "in 2024"; for five and a half, it could be 2024 or 2025: not said."""
        if self.ends_on:
            return self.ends_on, Precision.DAY
        if self.kind == self.Kind.LIFE or not self.has_length or not self.start_date:
            return None, Precision.DAY
        length = relativedelta(years=self.years, months=self.months, days=self.days)
        if self.starts_on or self.prisoner.arrested_on_precision == Precision.DAY:
            return self.start_date + length, Precision.DAY
        arrested, precision = self.prisoner.arrested_on, self.prisoner.arrested_on_precision
        earliest, latest = period_start(arrested, precision) + length, period_end(arrested, precision) + length
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            return earliest.replace(day=1), Precision.MONTH
        if earliest.year == latest.year:
            return earliest.replace(month=1, day=1), Precision.YEAR
        return None, Precision.DAY

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
        person = self.prisoner if self.prisoner_id else None
        arrested = person and person.arrested_on and period_start(person.arrested_on, person.arrested_on_precision)
        handed_down_end = self.handed_down_on and period_end(self.handed_down_on, self.handed_down_on_precision)
        if self.handed_down_on and arrested and handed_down_end < arrested:
            errors["handed_down_on"] = _("The sentence is dated before the arrest.")
        if self.handed_down_on and period_start(self.handed_down_on, self.handed_down_on_precision) > local_today():
            errors["handed_down_on"] = _("The sentence date is in the future.")
        if errors:
            raise ValidationError(errors)


class MarkedText(ModelIterable):
    """A person's events and status notes as the public may see them: passages marked [[...]]
    withheld when the person is anonymised (the `withhold` annotation), unmarked otherwise."""

    fields = ()

    def __iter__(self):
        for row in super().__iter__():
            shown = withheld if row.withhold else without_marks
            # Every language's column: a fallback to English must never read one left as written.
            for field in self.fields:
                for column in columns_of(row, field):
                    if (text := row.__dict__[column]) is not None:
                        row.__dict__[column] = shown(text)
            yield row


def with_marked_text(queryset, *fields, withhold=None):
    """`withhold`: when the marked passages are withheld (default: the row's person is anonymised)."""
    queryset = queryset.annotate(withhold=withhold if withhold is not None else Q(prisoner__consent=Consent.ANONYMISED))
    queryset._iterable_class = _marked_text(fields)
    return queryset


@functools.cache  # one class for each set of fields, not one for every query (a dozen a profile)
def _marked_text(fields):
    return type("MarkedFields", (MarkedText,), {"fields": fields})


class TimelineEventQuerySet(SourcedPartQuerySet):
    def public(self):
        """Events marked public that cite a source."""
        return with_marked_text(self.filter(is_public=True).sourced(), "title", "description")


class TimelineEvent(PartOfPerson):
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

    Precision = Precision

    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="events")
    date = models.DateField(_("date"))
    date_precision = precision_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=200, validators=[validate_marks])
    description = models.TextField(_("description"), blank=True, validators=[validate_marks])
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="events")
    grade = models.CharField(_("how sure"), max_length=10, choices=Grade.choices, default=Grade.REPORTED)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick to keep this event in the admin only (for example to protect someone)."),
    )

    objects = TimelineEventQuerySet.as_manager()
    partial_dates = ("date",)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        indexes = [models.Index(fields=["date", "id"], name="event_when")]

    def __str__(self):
        return f"{self.date}: {self.title}"

    @classmethod
    def cited(cls):
        return cites_a_source(cls)

    def clean(self):
        if self.date and period_start(self.date, self.date_precision) > local_today():
            raise ValidationError(
                {"date": _("A timeline event cannot be in the future; use a key date for what is planned.")}
            )


class PrisonerStatusChangeQuerySet(StatusChangeQuerySet):
    def public(self):
        return with_marked_text(super().public(), "note")


class PrisonerStatusChange(StatusChange):
    prisoner = models.ForeignKey(Prisoner, on_delete=models.CASCADE, related_name="status_changes")

    objects = PrisonerStatusChangeQuerySet.as_manager()

    status_choices = Status
    record_field = "prisoner"

    class Meta(StatusChange.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        # The newest updates (home page, feeds) read in this order, a few rows at a time.
        indexes = [models.Index(fields=["happened_on", "changed_at", "id"], name="person_change_when")]


public_relation(TimelineEvent, "sources", "sources", Source.objects.all)
public_relation(Charge, "sources", "sources", Source.objects.all)
public_relation(Sentence, "sources", "sources", Source.objects.all)
public_relation(Prisoner, "campaigns", "campaigns", Campaign.objects.published)
public_relation(Prisoner, "sources", "sources", Source.objects.all)
public_relation(Prisoner, "aliases", "aliases", lambda: Alias.objects.exclude(prisoner__consent=Consent.ANONYMISED))
public_relation(Prisoner, "charges", "charges", lambda: Charge.objects.sourced().with_public("sources"))
public_relation(Prisoner, "sentences", "sentences", lambda: Sentence.objects.sourced().with_public("sources"))
public_relation(Prisoner, "events", "events", lambda: TimelineEvent.objects.public().with_public("sources"))
public_relation(Prisoner, "status_changes", "status_changes", lambda: PrisonerStatusChange.objects.public())
public_relation(Campaign, "people", "prisoners", Prisoner.objects.published)


for _model in (Prisoner, Alias, Charge, Sentence, TimelineEvent, PrisonerStatusChange):
    audited(_model)
