"""The reminder tick: one service for the Celery beat tick and for `manage.py send_reminders`.

It expires unconfirmed subscriptions, plans what is due (`planning`) and sends it (`sending`).
"""

from django.utils import timezone

from .planning import due_reminders, record_deliveries
from .sending import Report, send_pending
from .subscriptions import expire_unconfirmed


def run_reminders(now=None, dry_run=False):
    now = now or timezone.now()
    report = Report()
    report.planned = due_reminders(now)
    if dry_run:
        return report
    report.expired_subscriptions = expire_unconfirmed(now)
    report.created = record_deliveries(report.planned, now)
    send_pending(now, report)
    return report
