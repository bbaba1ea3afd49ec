"""Officials, units and bodies, and their links to what was done: each sourced and graded.

Careful wording is a rule of the record, not of style: a link says first how its claim is known
(alleged, admitted, established by a court), then what it claims, beside its sources. A link is
public only when it, its actor, its campaign and its person (if any) are, and it cites a source.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import audited
from core.encryption import EncryptedTextField
from core.models import Campaign, Organisation, Source
from core.publishing import Publishable, PublishableQuerySet, Visibility, public_relation
from demands.models import Demand
from prisoners.models import MarkedText, Prisoner, TimelineEvent, with_marked_text


class Actor(Publishable):
    """An official, a unit or a body. Where the sources name no one, the unit or body is the actor:
    a name is never guessed."""

    class Kind(models.TextChoices):
        POLICE = "police", _("Police")
        INTERNAL_TROOPS = "internal_troops", _("Internal troops")
        PROSECUTORS = "prosecutors", _("Prosecutors")
        COURTS = "courts", _("Courts")
        COMPANY = "company", _("Company")
        GOVERNMENT = "government", _("Government or authority")
        OTHER = "other", _("Other")

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("An official's name only when a source gives it; otherwise the unit or body."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accountability_actors",
    )
    description = models.TextField(_("public description"), blank=True)
    internal_notes = EncryptedTextField(_("internal notes"), blank=True, help_text=_("Private."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor (official, unit or body)")
        verbose_name_plural = _("actors (officials, units and bodies)")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('accountability:index')}#actor-{self.slug}"


class Role(models.TextChoices):
    # Lower case: the label is read in the middle of a sentence ("Alleged: the police ordered …").
    ORDERED = "ordered", _("ordered")
    CARRIED_OUT = "carried_out", _("carried out")
    PROSECUTED = "prosecuted", _("prosecuted")
    SENTENCED = "sentenced", _("sentenced")
    INVESTIGATED = "investigated", _("investigated")
    COVERED_UP = "covered_up", _("covered up")


class Certainty(models.TextChoices):
    """How an actor's role is known; shown before the claim, never after it."""

    ALLEGED = "alleged", _("Alleged")  # claimed by witnesses, campaigners or the press; not proven
    ADMITTED = "admitted", _("Admitted")  # acknowledged by the actor or by the authorities
    COURT = "court", _("Established by a court")


def require_sources(visibility, sources):
    """A link is published only with at least one source (the admin's forms call this: the model's
    own clean() cannot see many-to-many values before they are saved)."""
    if visibility == Visibility.PUBLISHED and not sources:
        raise ValidationError(_("Cite at least one source before publishing this link."))


class ResponsibilityQuerySet(PublishableQuerySet):
    def sourced(self):
        cited = Responsibility.sources.through.objects.filter(responsibility=OuterRef("pk"))
        return self.filter(Exists(cited))

    def ready_to_publish(self):
        return self.sourced()

    def published(self):
        """The one rule: the link, its actor and its campaign published, its person (if any) published
        and not withdrawn, and at least one source cited."""
        # Correlated: "prisoner IN (the public people)" would read every public person for each page.
        public_person = Exists(Prisoner.objects.published().filter(pk=OuterRef("prisoner_id")))
        return (
            super()
            .published()
            .sourced()
            .filter(actor__visibility=Visibility.PUBLISHED, campaign__visibility=Visibility.PUBLISHED)
            .filter(Q(prisoner__isnull=True) | public_person)
        )

    def public(self):
        """Published links as a page shows them: passages marked [[…]] withheld when the person is
        anonymised, and the person, event, demand and sources attached only as the public may see
        them (`public_person`, `public_event`, `public_demand`, `public_sources`; see `PublicLinks`)."""
        links = with_marked_text(self.published(), "what", "description")
        links._iterable_class = PublicLinks
        return links.select_related("actor", "campaign").with_public("sources")

    def established_orders(self):
        """Links that a court has established someone gave the order."""
        return self.filter(role=Role.ORDERED, grade=Certainty.COURT)


class PublicLinks(MarkedText):
    """Links with their person, event and demand read through the public rules, in one query each.

    Not prefetch_related: nested inside a person's or an actor's prefetch, Django evaluates the
    inner prefetches first and then walks them again through the raw foreign key, loading each
    person as stored, one query a row. Here `public_person` is always the public face, and the
    stored record is never loaded."""

    fields = ("what", "description")

    def __iter__(self):
        links = list(super().__iter__())
        wanted = {
            "prisoner_id": Prisoner.objects.published(),
            "event_id": TimelineEvent.objects.public(),
            "demand_id": Demand.objects.published(),
        }
        found = {key: rows.in_bulk({getattr(link, key) for link in links} - {None}) for key, rows in wanted.items()}
        for link in links:
            link.public_person = found["prisoner_id"].get(link.prisoner_id)
            link.public_event = found["event_id"].get(link.event_id)
            link.public_demand = found["demand_id"].get(link.demand_id)
        yield from links


class Responsibility(Publishable):
    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="responsibilities")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    what = models.CharField(
        _("what"),
        max_length=300,
        help_text=_(
            'Ends the sentence after the role, for example "the shooting on Alan Square on 16 December '
            '2011". Say no more than the sources say; mark identifying passages [[like this]].'
        ),
    )
    grade = models.CharField(
        _("how it is known"),
        max_length=10,
        choices=Certainty.choices,
        default=Certainty.ALLEGED,
        help_text=_(
            "Alleged: claimed, not proven. Admitted: acknowledged by the actor or the authorities. "
            "Established by a court: found by a court. Shown first, before the claim."
        ),
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="responsibilities"
    )
    event = models.ForeignKey(
        TimelineEvent,
        verbose_name=_("timeline event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsibilities",
    )
    # PROTECT: a person is not deleted from under the links about their case; those go first.
    prisoner = models.ForeignKey(
        Prisoner,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responsibilities",
    )
    demand = models.ForeignKey(
        Demand,
        verbose_name=_("demand"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsibilities",
    )
    sources = models.ManyToManyField(
        Source,
        verbose_name=_("sources"),
        blank=True,
        related_name="responsibilities",
        help_text=_("At least one, to publish."),
    )
    description = models.TextField(_("public description"), blank=True)
    staff_note = EncryptedTextField(_("staff note"), blank=True, help_text=_("Private: never shown publicly."))

    objects = ResponsibilityQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "actor__name", "role", "id"]
        verbose_name = _("responsibility link")
        verbose_name_plural = _("responsibility links")

    def __str__(self):
        return f"{self.get_grade_display()}: {self.actor} {self.get_role_display()} {self.what}"

    def unsourced_facts(self):
        return [] if self.pk and self.sources.exists() else [_("the link cites no source")]

    @property
    def shows_sources(self):
        # As on the profile itself: an anonymised person's sources would name them.
        person = getattr(self, "public_person", None)
        return not (person and person.is_anonymised)

    def protection(self):
        if why := super().protection():
            return why
        if self.actor_id and self.actor.protection():
            return _("it is part of the record of an actor that is or has been public")
        return ""

    def clean(self):
        super().clean()
        errors = {}
        if self.event_id:
            if self.prisoner_id is None:
                self.prisoner_id = self.event.prisoner_id
            elif self.prisoner_id != self.event.prisoner_id:
                errors["event"] = _("This event is in another person's timeline.")
        if self.demand_id and self.campaign_id and self.demand.campaign_id != self.campaign_id:
            errors["demand"] = _("This demand belongs to another campaign.")
        if errors:
            raise ValidationError(errors)


class OpenQuestionQuerySet(PublishableQuerySet):
    def published(self):
        return super().published().filter(campaign__visibility=Visibility.PUBLISHED)


class OpenQuestion(Publishable):
    """What is not known (who gave the order, who fired): said plainly beside what is."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="open_questions"
    )
    question = models.CharField(_("question"), max_length=300)
    description = models.TextField(_("public description"), blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower comes first."))

    objects = OpenQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("open question")
        verbose_name_plural = _("open questions")

    def __str__(self):
        return self.question


public_relation(Responsibility, "sources", "sources", Source.objects.all)
public_relation(OpenQuestion, "sources", "sources", Source.objects.all)
for _model in (Actor, Prisoner, Demand, Campaign):
    public_relation(_model, "responsibilities", "responsibilities", lambda: Responsibility.objects.public())
public_relation(
    Campaign, "established_orders", "responsibilities", lambda: Responsibility.objects.published().established_orders()
)
public_relation(
    Campaign, "open_questions", "open_questions", lambda: OpenQuestion.objects.published().with_public("sources")
)


for _model in (Actor, Responsibility, OpenQuestion):
    audited(_model)
