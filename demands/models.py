from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import audited
from core.dates import partial_date
from core.encryption import EncryptedTextField
from core.models import Campaign, Organisation, Source
from core.publishing import Publishable, PublishableQuerySet, Visibility, public_relation
from core.status import StatusChange, StatusChangeQuerySet, unsourced_status
from prisoners.models import ENDED_STATUSES, Consent, Prisoner, with_marked_text


class Status(models.TextChoices):
    OUTSTANDING = "outstanding", _("Outstanding")
    PARTIAL = "partial", _("Partially met")
    MET = "met", _("Met")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (Status.OUTSTANDING, Status.PARTIAL)


class DemandQuerySet(PublishableQuerySet):
    def published(self):
        """A demand is public only while its campaign is. `concerns_anonymised`: whether one of the
        people it concerns is anonymised, whose sources (and marked passages) it must not show."""
        return (
            super()
            .published()
            .filter(campaign__visibility=Visibility.PUBLISHED)
            .annotate(concerns_anonymised=Exists(_anonymised_people_of(OuterRef("pk"))))
        )

    def outstanding(self):
        """Still to be won: nothing done, or only part."""
        return self.filter(status__in=OPEN_STATUSES)

    def overtaken(self):
        """Release demands that the people's own record has overtaken: still "outstanding" though one
        of the people it concerns is free or dead (it is met, at least in part), or "partially met"
        though all of them are. The record contradicts itself until an editor updates the demand."""
        people = Prisoner.objects.filter(demands=OuterRef("pk"))
        someone_out = Exists(people.filter(status__in=ENDED_STATUSES))
        still_held = Exists(people.exclude(status__in=ENDED_STATUSES))
        return self.filter(someone_out, kind=Demand.Kind.RELEASE).filter(
            Q(status=Status.OUTSTANDING) | (Q(status=Status.PARTIAL) & ~still_held)
        )

    def with_unsourced_facts(self):
        return self.exclude(pk__in=self.ready_to_publish().values("pk"))

    def ready_to_publish(self):
        """Demands whose every status change cites its source."""
        unsourced = DemandStatusChange.objects.unsourced().filter(demand=OuterRef("pk"))
        return self.exclude(Exists(unsourced))


class Demand(Publishable):
    class Kind(models.TextChoices):
        RELEASE = "release", _("Release of a person")
        INQUIRY = "inquiry", _("Independent inquiry")
        EXHUMATION = "exhumation", _("Exhumation")
        INVESTIGATION = "investigation", _("Investigation of abuses")
        TRUTH = "truth", _("Truth and accountability")
        LABOUR_RIGHTS = "labour_rights", _("Labour rights")
        POLITICAL = "political", _("Political and economic")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="demands")
    # Every language's columns: a reader may type a title in any of them.
    searched_fields = tuple(
        f"{field}_{code}" for field in ("title", "summary", "campaign__name") for code, _name in settings.LANGUAGES
    )
    addressees = models.ManyToManyField(
        Organisation, verbose_name=_("addressed to"), blank=True, related_name="demands_received"
    )
    backers = models.ManyToManyField(
        Organisation, verbose_name=_("backed by"), blank=True, related_name="demands_backed"
    )
    prisoners = models.ManyToManyField(Prisoner, verbose_name=_("people concerned"), blank=True, related_name="demands")
    first_raised_on = models.DateField(_("first raised on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OUTSTANDING, db_index=True
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True, related_name="demands")
    internal_notes = EncryptedTextField(_("internal notes"), blank=True, help_text=_("Private."))

    objects = DemandQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("demand")
        verbose_name_plural = _("demands")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("demands:detail", args=[self.slug])

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def has_unsourced_status(self):
        return unsourced_status(self)

    def unsourced_facts(self):
        """The public facts on this demand's record that cite no source, as the admin names them."""
        return [
            _("status %(status)s (%(date)s)")
            % {
                "status": change.get_new_status_display(),
                "date": partial_date(change.happened_on, change.happened_on_precision),
            }
            for change in self.status_changes.unsourced()
        ]


def _anonymised_people_of(demand):
    return Prisoner.objects.filter(demands=demand, consent=Consent.ANONYMISED)


class DemandStatusChangeQuerySet(StatusChangeQuerySet):
    def public(self):
        """As every history, with the passages marked [[...]] in a note withheld when the demand
        concerns someone anonymised (the note may name them), the marks dropped otherwise."""
        withhold = Exists(_anonymised_people_of(OuterRef("demand")))
        return with_marked_text(super().public(), "note", withhold=withhold)


class DemandStatusChange(StatusChange):
    demand = models.ForeignKey(Demand, on_delete=models.CASCADE, related_name="status_changes")

    objects = DemandStatusChangeQuerySet.as_manager()

    status_choices = Status
    record_field = "demand"

    class Meta(StatusChange.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        indexes = [models.Index(fields=["happened_on", "changed_at", "id"], name="demand_change_when")]


public_relation(Demand, "people", "prisoners", Prisoner.objects.published)
public_relation(Demand, "addressees", "addressees", Organisation.objects.all)
public_relation(Demand, "backers", "backers", Organisation.objects.all)
public_relation(Demand, "sources", "sources", Source.objects.all)
public_relation(Demand, "status_changes", "status_changes", lambda: DemandStatusChange.objects.public())
public_relation(Prisoner, "demands", "demands", Demand.objects.published)
# For the people list's filter only: a profile shows every demand.
public_relation(
    Prisoner, "outstanding_demands", "demands", lambda: Demand.objects.published().outstanding(), shown=False
)
public_relation(Campaign, "demands", "demands", Demand.objects.published)


for _model in (Demand, DemandStatusChange):
    audited(_model)
