from django.db import transaction
from django.utils import timezone


class StatusUnchanged(Exception):
    pass


@transaction.atomic
def record_status_change(record, new_status, *, by=None, note="", source=None, source_url="", at=None):
    """Change the status of a person or a demand and record who, when, why and on what evidence.

    The only way a status changes, so that the history is never skipped. The row is locked so that
    two editors saving at once record two changes with the right old values, not one lost.
    """
    model = type(record)
    old_status = model.objects.select_for_update().values_list("status", flat=True).get(pk=record.pk)
    if old_status == new_status:
        raise StatusUnchanged(new_status)
    model.objects.filter(pk=record.pk).update(status=new_status, updated_at=timezone.now())
    record.status = new_status
    return _log(record, old_status, new_status, by=by, note=note, source=source, source_url=source_url, at=at)


def record_initial_status(record, *, by=None, note="", source=None, source_url="", at=None):
    """Open the history of a new record with the status it was created with."""
    return _log(record, "", record.status, by=by, note=note, source=source, source_url=source_url, at=at)


def _log(record, old_status, new_status, *, by, note, source, source_url, at):
    return record.status_changes.create(
        old_status=old_status,
        new_status=new_status,
        changed_at=at or timezone.now(),
        changed_by=by,
        changed_by_name=by.get_username() if by else "",
        note=note,
        source=source,
        source_url=source_url,
    )
