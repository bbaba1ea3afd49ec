"""Benchmark: plan and send one tick's reminders for many subscribers (`make bench`).

Prints figures; asserts nothing about speed. Runs on a throw-away SQLite file (or DATABASE_URL),
with Django's in-memory mail backend so that only our own work is measured.
"""

import datetime
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="tracker-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("VAR_DIR", workdir)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.utils import timezone  # noqa: E402

from campaigns.core.models import Campaign  # noqa: E402
from campaigns.core.publishing import Visibility  # noqa: E402
from campaigns.models import KeyDate  # noqa: E402
from campaigns.outreach.models import Delivery, Subscriber  # noqa: E402
from campaigns.outreach.planning import due_reminders  # noqa: E402
from campaigns.outreach.reminders import run_reminders  # noqa: E402

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "5000"))
NOW = datetime.datetime(2026, 12, 9, 4, tzinfo=datetime.UTC)


def setup():
    call_command("migrate", verbosity=0)
    campaign = Campaign.objects.create(name="Bench", slug="bench", summary="x", visibility=Visibility.PUBLISHED)
    for day in (16, 17, 18):
        KeyDate.objects.create(campaign=campaign, title=f"Day {day}", date=datetime.date(2011, 12, day),
                               recurrence="yearly", visibility=Visibility.PUBLISHED)
    Subscriber.objects.bulk_create(
        Subscriber(email=f"r{n}@example.org", confirmed_at=timezone.now(), lead_days=[7, 1]) for n in range(SUBSCRIBERS)
    )
    through = Subscriber.campaigns.through
    through.objects.bulk_create(through(subscriber_id=pk, campaign_id=campaign.pk)
                                for pk in Subscriber.objects.values_list("pk", flat=True))


def measure(label, function):
    settings.DEBUG = True  # count queries
    reset_queries()
    tracemalloc.start()
    started = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<38} {elapsed:8.2f} s   peak {peak / 2**20:7.1f} MiB   {len(connection.queries):6d} queries")
    return result


def main():
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    setup()
    print(f"{SUBSCRIBERS} subscribers following 3 yearly key dates; database: {connection.vendor}")
    due = measure("find due reminders (dry run)", lambda: due_reminders(NOW))
    print(f"  -> {len(due)} reminders due")
    report = measure("record and send one tick", lambda: run_reminders(NOW))
    print(f"  -> recorded {report.created}, sent {report.sent}")
    again = measure("second tick (all already sent)", lambda: run_reminders(NOW + datetime.timedelta(minutes=5)))
    print(f"  -> recorded {again.created}, sent {again.sent}; deliveries in the table: {Delivery.objects.count()}")


if __name__ == "__main__":
    main()
