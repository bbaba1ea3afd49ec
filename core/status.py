"""The status history of people and demands, and the one service that changes a status."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dates import ChangePrecision, local_day, local_today, partial_date, period_end, period_start, precision_field
from .encryption import EncryptedTextField
from .languages import in_every_language
from .protection import Protected, ProtectedQuerySet
from .sourcing import SourcedQuerySet


class Grade(models.TextChoices):
    """How sure the record is of a fact, shown beside it."""

    CONFIRMED = "confirmed", _("Confirmed")  # by a document or by two independent sources
    REPORTED = "reported", _("Reported")  # by one credible source
    ALLEGED = "alleged", _("Alleged")  # claimed, not yet checked


class StatusChangeQuerySet(SourcedQuerySet, ProtectedQuerySet):
    def public(self):
        """What the public may see of a history: the changes that cite their source."""
        return self.sourced().select_related("source")


class StatusChange(Protected):
    """One recorded change of status, written only by `record_status_change` and `record_initial_status`
    (and completed, where it left a gap, by `complete_current_status`)."""

    objects = StatusChangeQuerySet.as_manager()

    old_status = models.CharField(_("old status"), max_length=20, blank=True)
    new_status = models.CharField(_("new status"), max_length=20)
    # When the change happened, as precisely as the sources say; when it was recorded is `changed_at`
    # (and the audit trail). The first day of the period when only a month or a year is known.
    happened_on = models.DateField(_("happened on"), default=local_today, db_index=True)
    happened_on_precision = precision_field(_("known to"), ChangePrecision, ChangePrecision.RECORDED)
    changed_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept apart from the user row so that the record still says who after the account is gone.
    changed_by_name = models.CharField(_("changed by (name)"), max_length=150, blank=True)
    note = models.TextField(_("public note"), blank=True, help_text=_("Shown publicly in the status history."))
    staff_note = EncryptedTextField(_("staff note"), blank=True, help_text=_("Private: never shown publicly."))
    source = models.ForeignKey(
        "core.Source", verbose_name=_("source"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_url = models.URLField(_("source URL"), blank=True, max_length=500)
    grade = models.CharField(_("how sure"), max_length=10, choices=Grade.choices, default=Grade.REPORTED)

    class Meta:
        abstract = True
        # The order the changes were recorded in, which is the order of the chain old → new: dates
        # filled in later (a change only "recorded on", dated afterwards) never scramble it.
        ordering = ["-changed_at", "-id"]

    status_choices = None  # the TextChoices of the record's status, set by each subclass
    record_field = None  # the foreign key to the person or demand, set by each subclass

    def __str__(self):
        return f"{self.old_status or '∅'} → {self.new_status} ({self.happened_on:%Y-%m-%d})"

    def protection(self):
        return _("the status history is kept")

    @classmethod
    def cited(cls):
        return models.Q(source__isnull=False) | ~models.Q(source_url="")

    @property
    def record_id(self):
        return getattr(self, f"{self.record_field}_id")

    @property
    def is_sourced(self):
        return bool(self.source_id or self.source_url)

    def get_old_status_display(self):
        return self.status_choices(self.old_status).label if self.old_status else ""

    def get_new_status_display(self):
        return self.status_choices(self.new_status).label


class StatusUnchanged(Exception):
    pass


def require_evidence(source, source_url):
    """A change of status made by hand, or any status of a published record, says where it is documented."""
    if not (source or source_url):
        raise ValidationError(_("Say where the change of status is documented: pick a source or give a link."))


# What an editor says about a change, besides who made it: when it happened (`happened_on` and its
# precision; without them, the day it is recorded, marked as such), `note` (public; or note_en, note_ru,
# note_kk for each language's), `staff_note` (private), `source` or `source_url` (the evidence), `grade`.
EVIDENCE_FIELDS = (
    "happened_on",
    "happened_on_precision",
    "note",
    *in_every_language("note"),
    "staff_note",
    "source",
    "source_url",
    "grade",
)


def require_after_current(record, happened_on, precision):
    """A new change happened after the one it follows, when that one's date is known: the history
    must read in order."""
    current = current_status_change(record)
    if current is None or current.happened_on_precision == ChangePrecision.RECORDED:
        return
    precision = precision or ChangePrecision.DAY
    if period_end(happened_on, precision) < current.happened_on:
        raise ValidationError(
            _("This change cannot have happened before the current status began (%(date)s).")
            % {"date": partial_date(current.happened_on, current.happened_on_precision)}
        )


def require_past(happened_on, precision):
    """A change is recorded once it has happened: not on a date to come."""
    if happened_on and period_start(happened_on, precision) > local_today():
        raise ValidationError(_("A change of status cannot have happened in the future."))


@transaction.atomic
def record_status_change(record, new_status, *, by=None, at=None, **evidence):
    """Change the status of a person or a demand and record who, when, why and on what evidence.

    The only way a status changes, so that the history is never skipped. The row is locked so that
    two editors saving at once record two changes with the right old values, not one lost.
    """
    model = type(record)
    old_status = model.objects.select_for_update().values_list("status", flat=True).get(pk=record.pk)
    if old_status == new_status:
        raise StatusUnchanged(new_status)
    if evidence.get("happened_on"):
        require_after_current(record, evidence["happened_on"], evidence.get("happened_on_precision"))
    # update() bypasses save(), but the history row written below is public data too: saving it makes
    # cached pages stale (PublicData), so no bump is needed here.
    model.objects.filter(pk=record.pk).update(status=new_status, updated_at=timezone.now())
    record.status = new_status
    return _log(record, old_status, new_status, by=by, at=at, **evidence)


def record_initial_status(record, *, by=None, at=None, **evidence):
    """Open the history of a new record with the status it was created with."""
    return _log(record, "", record.status, by=by, at=at, **evidence)


@transaction.atomic
def save_with_history(record, *, previous_status=None, by=None, **evidence):
    """Save a person or a demand edited by hand, keeping its status history.

    A new record opens its history; an edit that changes the status (from `previous_status`, the
    status the editor saw) needs evidence and goes through `record_status_change`. Returns the
    recorded change, or None when the status stayed the same.
    """
    if record._state.adding:
        record.save()
        record_initial_status(record, by=by, **evidence)
        return None
    new_status = record.status
    if previous_status is None or new_status == previous_status:
        record.save()
        return None
    require_evidence(evidence.get("source"), evidence.get("source_url"))
    record.status = previous_status
    record.save()
    return record_status_change(record, new_status, by=by, **evidence)


def _log(record, old_status, new_status, *, by, at, **evidence):
    unknown = set(evidence) - set(EVIDENCE_FIELDS)
    if unknown:
        raise TypeError(f"Not part of a status change's evidence: {', '.join(sorted(unknown))}")
    if record.is_published:
        # Every path, not only the admin: a public record's status is a public fact.
        require_evidence(evidence.get("source"), evidence.get("source_url"))
    if evidence.get("happened_on"):
        precision = evidence.setdefault("happened_on_precision", ChangePrecision.DAY)
        require_past(evidence["happened_on"], precision)
        evidence["happened_on"] = period_start(evidence["happened_on"], precision)
    else:
        evidence["happened_on"] = local_today() if at is None else local_day(at)
        evidence["happened_on_precision"] = ChangePrecision.RECORDED
    return record.status_changes.create(
        old_status=old_status,
        new_status=new_status,
        changed_at=at or timezone.now(),
        changed_by=by,
        changed_by_name=by.get_username() if by else "",
        **evidence,
    )


def unsourced_status(record):
    """Whether the record's current status rests on a change that cites no source."""
    current = current_status_change(record)
    return current is not None and not current.is_sourced


def current_status_change(record, lock=False):
    """The change that gave the record its current status: the latest recorded one to it."""
    changes = record.status_changes.select_for_update() if lock else record.status_changes.all()
    return changes.filter(new_status=record.status).order_by("-changed_at", "-pk").first()


# What `complete_current_status` may fill in on the current change, where it is empty.
COMPLETABLE = ("note_en", "note_ru", "note_kk", "staff_note", "source", "source_url")


def gaps_filled(change, happened_on=None, happened_on_precision=None, grade=None, **evidence):
    """What of `evidence` the current status change can take without losing anything: the fields it
    left empty, and a date when it had none ("recorded"). Raises ValidationError naming what cannot
    be stored: the history is never rewritten, so a field the change already has stays as it was."""
    filled, conflicts = {}, []
    for field, value in evidence.items():
        if field not in COMPLETABLE:
            raise TypeError(f"Not something a recorded change can be completed with: {field}")
        if value in (None, ""):
            continue
        current = getattr(change, field)
        if current in (None, ""):
            filled[field] = value
        elif current != value:
            conflicts.append(field)
    if happened_on:
        if change.happened_on_precision == ChangePrecision.RECORDED:
            precision = happened_on_precision or ChangePrecision.DAY
            require_past(happened_on, precision)
            _require_between_its_neighbours(change, happened_on, precision)
            filled |= {"happened_on": period_start(happened_on, precision), "happened_on_precision": precision}
        elif (happened_on, happened_on_precision) != (change.happened_on, change.happened_on_precision):
            conflicts.append("happened_on")
    was_sourced = bool(change.source_id or change.source_url)
    if grade and grade != change.grade:
        if not was_sourced and ("source" in filled or "source_url" in filled):
            filled["grade"] = grade  # how sure, given with the first source it rests on
        else:
            conflicts.append("grade")
    if conflicts:
        raise ValidationError(
            _(
                "The status did not change, and the current status already says otherwise, so this would be "
                "lost. Change the status to record a new change, or add what happened to the timeline."
            )
        )
    return filled


def _require_between_its_neighbours(change, happened_on, precision):
    """A date given to a change only "recorded on" keeps the history in order: not before the change
    it followed (when that one's date is known), not after the day it was recorded."""
    before = (
        type(change)
        .objects.filter(**{change.record_field: change.record_id})
        .filter(changed_at__lt=change.changed_at)
        .exclude(happened_on_precision=ChangePrecision.RECORDED)
        .order_by("-changed_at")
        .first()
    )
    if before is not None and period_end(happened_on, precision) < before.happened_on:
        raise ValidationError(
            _("This change cannot have happened before the one it followed (%(date)s).")
            % {"date": partial_date(before.happened_on, before.happened_on_precision)}
        )
    if period_start(happened_on, precision) > local_day(change.changed_at):
        raise ValidationError(_("This change cannot have happened after it was recorded."))


@transaction.atomic
def complete_current_status(record, **evidence):
    """Store what an editor gave about the record's current status without changing it: a missing
    source, note or date goes onto the current change (audited like any edit); anything else is
    refused (`gaps_filled`). Returns the fields stored."""
    change = current_status_change(record, lock=True)
    if change is None:
        # A record with no history yet (made before there was one): what was typed opens it.
        typed = {field: value for field, value in evidence.items() if value not in (None, "")}
        if typed:
            record_initial_status(record, **typed)
        return typed
    filled = gaps_filled(change, **evidence)
    for field, value in filled.items():
        setattr(change, field, value)
    if filled:
        change.save(update_fields=list(filled))
    return filled
