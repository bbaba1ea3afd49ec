"""One-off emails that are not to a subscriber: a notice to staff, an acknowledgement to someone
who wrote to us. They go through the outbox like every email (sent at most once, retried, never
silently lost), and carry no content from the message that caused them: only its reference, so that
nothing sensitive a reader wrote travels by email.

The occasion key names the template and the language: "<template>:<reference>:<language>".
"""

from django.db import transaction
from django.utils import timezone

from core.site import absolute_url, site_domain

from .emails import build_email
from .models import Delivery

TEMPLATES = ("report_staff", "report_ack")


@transaction.atomic
def queue_notice(template, email, reference, language="en", link=""):
    """Queue one notice; returns its outbox id (the same row when it was queued before)."""
    if template not in TEMPLATES:
        raise ValueError(f"Unknown notice: {template}")
    now = timezone.now()
    delivery, _created = Delivery.objects.get_or_create(
        kind=Delivery.Kind.NOTICE,
        email=email,
        occasion_key=f"{template}:{reference}:{language}",
        defaults={"occurrence": now.date(), "lead_days": 0, "title": link[:300], "next_attempt_at": now},
    )
    return delivery.pk


def notice_email(delivery, headers=None, connection=None):
    template, reference, language = delivery.occasion_key.split(":")
    context = {"reference": reference, "link": absolute_url(delivery.title) if delivery.title else ""}
    headers = {"Message-ID": f"<notice-{delivery.pk}@{site_domain()}>", **(headers or {})}
    return build_email(template, delivery.email, context, language, headers=headers, connection=connection)
