import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from outreach.reminders import run_reminders


class Command(BaseCommand):
    help = (
        "Find the reminders that are due, record them and send them: the same service as the Celery beat "
        "tick, for cron, catching up and testing. Safe to run alongside the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Act as if it were this moment (ISO 8601, e.g. 2026-12-09T04:00:00Z).")
        parser.add_argument("--dry-run", action="store_true", help="Print what is due; record and send nothing.")

    def handle(self, *args, now=None, dry_run=False, **options):
        moment = self._parse(now) if now else timezone.now()
        report = run_reminders(moment, dry_run=dry_run)
        self.stdout.write(f"Now: {moment.isoformat()}")
        for occasion, subscriber_id, lead in report.due:
            self.stdout.write(
                f"  due: {occasion.date} {occasion.title} -> subscriber {subscriber_id}, {lead} day(s) before"
            )
        if dry_run:
            self.stdout.write(f"Dry run: {report.planned} reminder(s) due; nothing recorded or sent.")
            return
        self.stdout.write(
            f"Recorded {report.created} new, sent {report.sent}, will retry {report.retrying}, failed {report.failed}, "
            f"cancelled {report.cancelled}, interrupted {report.interrupted}; "
            f"expired {report.expired_subscriptions} unconfirmed subscription(s)."
        )

    def _parse(self, value):
        moment = parse_datetime(value)
        if moment is None:
            raise CommandError(f"--now must be an ISO 8601 date and time, not {value!r}")
        return moment if timezone.is_aware(moment) else moment.replace(tzinfo=datetime.UTC)
