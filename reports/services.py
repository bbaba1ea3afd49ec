"""Receiving a report, and what staff do with it. Views and the admin only call these."""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from core.publishing import Visibility
from core.status import save_with_history
from outreach.notices import queue_notice
from outreach.subscriptions import is_suppressed
from outreach.tasks import enqueue_delivery
from prisoners.models import Prisoner

from .models import Report


@transaction.atomic
def receive(kind, *, text, language, contact="", name_given="", where_and_when="", person=None, demand=None):
    """Store a report privately, tell staff (a reference and a link, nothing of its content) and, when
    the contact is an email address, acknowledge it to the sender."""
    report = Report.objects.create(
        kind=kind,
        text=text,
        language=language,
        contact=contact,
        name_given=name_given,
        where_and_when=where_and_when,
        person=person,
        demand=demand,
    )
    link = reverse(f"admin:{Report._meta.app_label}_report_change", args=[report.pk])
    notices = [
        queue_notice("report_staff", address, report.reference, settings.LANGUAGE_CODE, link)
        for address in settings.REPORTS_EMAILS
    ]
    # Not to an address that asked us to stop or that refuses mail: a stranger's address typed into
    # the form must not become a way to mail it against its owner's wish.
    if _is_email(contact) and not is_suppressed(contact):
        notices.append(queue_notice("report_ack", contact, report.reference, language))
    for delivery_id in notices:
        transaction.on_commit(partial(enqueue_delivery, delivery_id))
    return report


def _is_email(text):
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


@transaction.atomic
def make_draft(report, by):
    """A draft person from a case report, for an editor to complete; never public until published."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.draft_id:
        return report.draft
    name = report.name_given.strip() or f"Reported case {report.reference}"
    person = Prisoner(
        name=name,
        slug=f"{slugify(name)[:180] or 'case'}-{report.reference.lower()}",
        visibility=Visibility.DRAFT,
        internal_notes=f"From report {report.reference}.",
    )
    save_with_history(person, by=by, staff_note=f"Opened from report {report.reference}.")
    report.draft = person
    _handled(report, Report.Outcome.DRAFTED, by)
    return person


def resolve(report, outcome, by, note="", source=None, change=None):
    """Record what was done with a report: who, when, and for a correction, on what source and by
    which change of the record."""
    report.outcome, report.outcome_note, report.source, report.change = outcome, note, source, change
    report.full_clean(exclude=["text"])
    _handled(report, outcome, by)
    return report


def _handled(report, outcome, by):
    report.outcome, report.handled_by, report.handled_at = outcome, by, timezone.now()
    report.save()
