"""Celery tasks: thin, they take ids and call a service."""

import logging

from celery import shared_task
from kombu.exceptions import OperationalError

from . import reminders, sending

log = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def reminder_tick():
    return reminders.run_reminders().summary()


@shared_task(ignore_result=True)
def send_delivery(delivery_id):
    sending.send_now([delivery_id])


@shared_task(ignore_result=True)
def staff_digest():
    return reminders.send_staff_digest()


def enqueue_delivery(delivery_id):
    """Ask a worker to send this outbox row now. With the broker down nothing is lost: the row is in
    the database, and the next tick sends it."""
    try:
        send_delivery.apply_async((delivery_id,), retry=False)
    except (OperationalError, OSError) as error:
        log.warning("Broker unavailable (%s); delivery %s goes out with the next tick", error, delivery_id)
