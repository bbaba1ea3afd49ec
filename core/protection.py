"""Nothing that is or was public is destroyed, except by an administrator's purge.

The public may have read, quoted or linked a record; a careless or hostile edit must not make it
vanish. So the rule lives here, in the models' own `delete()` (one record, or a queryset), not in
the admin: a shell, a script or a future view that calls `delete()` is refused just the same.
Editors archive instead (Visibility.ARCHIVED, with a reason). An administrator purges inside
`purging(user, reason)`, and the deletions are recorded in the audit trail as that purge.

A refused deletion is recorded in the audit trail too (action "access", "Deletion refused: why"), so
that an attempt to destroy the record is visible to the campaign, not only to the server's log.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .audit import recorded_as
from .public_cache import PublicData, PublicDataQuerySet, public_changed

_purge = ContextVar("purge", default=None)
REFUSED = "Deletion refused:"  # starts the audit entry of a refusal


class RecordProtected(PermissionDenied):
    """Deleting this record is refused: it is or was public (or a public record uses it)."""


@contextmanager
def purging(user, reason):
    """Deletions inside are a purge by `user`, an administrator, recorded with `reason`."""
    if user is None or not user.is_superuser:
        raise PermissionDenied(_("Only an administrator can purge a record."))
    if not reason.strip():
        raise PermissionDenied(_("A purge needs a reason."))
    token = _purge.set(user)
    try:
        with recorded_as(f"purge: {reason.strip()}", actor=user):
            yield
    finally:
        _purge.reset(token)


def purge_under_way():
    return _purge.get() is not None


def record_refusal(record, why):
    LogEntry.objects.log_create(
        record,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        changes={"delete": ["", f"refused: {why}"]},
        changes_text=f"{REFUSED} {why}",
    )


def refuse_deletion(record, why):
    # The entry is lost if the caller's transaction rolls back on this exception; the admin
    # records its refusals before that (AuditedAdmin), so that those at least always stay.
    record_refusal(record, why)
    raise RecordProtected(_("%(record)s cannot be deleted: %(why)s") % {"record": record, "why": why})


class Protected(PublicData):
    """A model whose rows are deleted only when `protection()` says nothing against it, or in a purge.
    Every protected model is public data: its changes make cached public pages stale."""

    class Meta:
        abstract = True

    def protection(self):
        """Why this row may not be deleted by anyone but an administrator, or "" when it may."""
        raise NotImplementedError

    def delete(self, *args, **kwargs):
        if not purge_under_way() and (why := self.protection()):
            refuse_deletion(self, why)
        return super().delete(*args, **kwargs)


class ProtectedQuerySet(PublicDataQuerySet):
    def delete(self):
        # Bulk deletion (the admin's "delete selected", a script) checks every row like one deletion would.
        if not purge_under_way():
            for record in self:
                if why := record.protection():
                    refuse_deletion(record, why)
        public_changed()
        return super().delete()


def used_by(record):
    """Names of the kinds of records that point at `record` (a source, an organisation)."""
    users = []
    for relation in record._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and relation.is_relation):
            continue
        model = relation.related_model
        if model._meta.auto_created:  # the join table of a many-to-many: its other side is counted
            continue
        if model._default_manager.filter(**{relation.field.name: record}).exists():
            users.append(str(model._meta.verbose_name_plural))
    return users


def in_use_protection(record):
    users = used_by(record)
    return (
        _("it is used by %(users)s; remove it from them first, or ask an administrator")
        % {"users": ", ".join(sorted(set(users)))}
        if users
        else ""
    )
