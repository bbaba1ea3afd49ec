"""Celery tasks: thin, they take ids and call a service."""

from celery import shared_task

from . import digest, reminders, subscriptions


@shared_task(ignore_result=True)
def reminder_tick():
    report = reminders.run_reminders()
    return {"created": report.created, "sent": report.sent, "retrying": report.retrying, "failed": report.failed}


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_subscription_email(subscriber_id, kind):
    return subscriptions.send_subscription_email(subscriber_id, kind)


@shared_task(ignore_result=True)
def staff_digest():
    return digest.send_staff_digest()
