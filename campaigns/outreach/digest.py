import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from campaigns.core.dates import local_today
from campaigns.models import KeyDate

from .emails import build_email
from .models import Delivery, StaffDigest


def send_staff_digest(now=None):
    """The weekly list of coming key dates for staff; claimed per week so it goes out once."""
    now = now or timezone.now()
    today = local_today()
    week = today - datetime.timedelta(days=today.weekday())
    try:
        with transaction.atomic():
            digest = StaffDigest.objects.create(week=week)
    except IntegrityError:
        return 0  # another worker, or an earlier run, already has this week
    recipients = list(
        get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="").values_list("email", flat=True)
    )
    key_dates = KeyDate.objects.published().select_related("campaign")
    context = {
        "occurrences": key_dates.upcoming(today, days=settings.STAFF_DIGEST_DAYS),
        "failed_deliveries": Delivery.objects.filter(status=Delivery.Status.FAILED, created_at__gte=now - datetime.timedelta(days=7)).count(),
        "week": week,
    }
    for email in recipients:
        build_email("staff_digest", email, context).send()
    StaffDigest.objects.filter(pk=digest.pk).update(sent_at=timezone.now(), recipients=len(recipients))
    return len(recipients)
