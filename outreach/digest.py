"""The weekly list of coming key dates for staff, one outbox row per recipient."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from campaigns.models import KeyDate
from core.dates import local_today

from .emails import build_email
from .models import Delivery, StaffDigest


@transaction.atomic
def plan_staff_digest(now=None):
    """Plan this week's digest once: a row per staff recipient, sent and retried like any reminder,
    so that a mail server's failure loses no week and one bad address stops no one else's.
    Returns the ids of the rows planned (none when the week was already planned)."""
    now = now or timezone.now()
    week = _week_of(local_today())
    _digest, created = StaffDigest.objects.get_or_create(week=week, defaults={"sent_at": now})
    if not created:
        return []
    recipients = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    rows = [
        Delivery(
            kind=Delivery.Kind.DIGEST,
            email=email,
            occasion_key=f"digest:{week}",
            occurrence=week,
            lead_days=0,
            title=str(Delivery.Kind.DIGEST.label),
            next_attempt_at=now,
        )
        for email in sorted(set(recipients.values_list("email", flat=True)))
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    StaffDigest.objects.filter(week=week).update(recipients=len(rows))
    return list(
        Delivery.objects.filter(kind=Delivery.Kind.DIGEST, occasion_key=f"digest:{week}").values_list("pk", flat=True)
    )


def digest_email(email, week, now, connection=None, headers=None):
    failed = Delivery.objects.filter(
        status__in=[Delivery.Status.FAILED, Delivery.Status.UNCERTAIN], created_at__gte=now - datetime.timedelta(days=7)
    )
    language = settings.STAFF_DIGEST_LANGUAGE
    with translation.override(language):  # dates of the same day sorted by their title in the digest's language
        occurrences = (
            KeyDate.objects.published()
            .select_related("campaign")
            .upcoming(local_today(), days=settings.STAFF_DIGEST_DAYS)
        )
    context = {"occurrences": occurrences, "failed_deliveries": failed.count(), "week": week}
    return build_email("staff_digest", email, context, language, headers=headers, connection=connection)


def _week_of(day):
    return day - datetime.timedelta(days=day.weekday())
