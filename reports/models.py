"""What the public sends us: a case to document, or a correction to a page. Private, always.

A report is never shown on any public page, feed or export. Its text and contact are kept out of
the audit trail's diffs (the trail is read by every editor; a reporter's contact is read only by
those who open the report), and no email carries them: staff are told a reference and a link.
"""

import secrets

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.audit import audited
from core.encryption import EncryptedTextField
from core.models import Source
from demands.models import Demand
from prisoners.models import Prisoner

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # nothing to misread on a phone: no 0/O, 1/I


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class ReportQuerySet(models.QuerySet):
    def to_review(self):
        return self.filter(outcome=Report.Outcome.NEW)

    def made_without_a_change(self):
        """Corrections closed as made with no change of the record linked to them."""
        return self.filter(outcome=Report.Outcome.APPLIED, change__isnull=True)


class Report(models.Model):
    class Kind(models.TextChoices):
        CASE = "case", _("A case to document")
        CORRECTION = "correction", _("A correction")

    class Outcome(models.TextChoices):
        NEW = "new", _("New: to review")
        DRAFTED = "drafted", _("Draft record created")
        APPLIED = "applied", _("Correction made, with its source")
        DECLINED = "declined", _("Declined")
        DUPLICATE = "duplicate", _("Already known")

    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    person = models.ForeignKey(
        Prisoner, verbose_name=_("about the person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    demand = models.ForeignKey(
        Demand, verbose_name=_("about the demand"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name_given = models.CharField(_("name given"), max_length=200, blank=True)
    where_and_when = models.CharField(_("where and when"), max_length=200, blank=True)
    text = models.TextField(_("what they wrote"), max_length=5000)
    contact = EncryptedTextField(_("contact (private)"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    received_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.NEW, db_index=True)
    outcome_note = models.TextField(_("what was done (private)"), blank=True)
    source = models.ForeignKey(
        Source,
        verbose_name=_("source of the correction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Needed when a correction is made: what confirms it."),
    )
    # The audit entry of the change that made the correction: "made" names what changed, or is refused.
    change = models.ForeignKey(
        LogEntry,
        verbose_name=_("the change it made"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Needed when a correction is made: the change of the record, as the audit trail has it."),
    )
    draft = models.ForeignKey(
        Prisoner,
        verbose_name=_("draft record made from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("report from the public")
        verbose_name_plural = _("reports from the public")

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference}"

    def clean(self):
        errors = {}
        if self.outcome == self.Outcome.APPLIED and not self.source_id:
            errors["source"] = _("Say which source confirms the correction.")
        if self.outcome == self.Outcome.APPLIED and self.kind == self.Kind.CORRECTION:
            if not self.change_id:
                errors["change"] = _("Say which change made the correction: the record was not changed, or pick it.")
            elif not self.changes_since_received().filter(pk=self.change_id).exists():
                errors["change"] = _("That change is not one of this record's since the report arrived.")
        if errors:
            raise ValidationError(errors)

    def changes_since_received(self):
        """Audit entries of the record the report is about, and of its parts (status history, timeline,
        charges, sentences, other names), since the report arrived: the changes that may have made it."""
        subject = self.subject
        if subject is None:
            return LogEntry.objects.none()
        records = [subject]
        for parts in ("status_changes", "events", "charges", "sentences", "aliases"):
            if hasattr(subject, parts):
                records += getattr(subject, parts).all()
        about = Q()
        for record in records:
            about |= Q(content_type=ContentType.objects.get_for_model(record), object_pk=str(record.pk))
        return LogEntry.objects.filter(about, timestamp__gte=self.received_at).order_by("-timestamp")

    @property
    def subject(self):
        return self.person or self.demand


audited(Report, exclude_fields=["text", "contact", "name_given", "where_and_when"])
