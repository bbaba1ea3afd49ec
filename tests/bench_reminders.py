"""`make bench`, reminders part: the project's sender against raw smtplib, on the same SMTP server.

For each database (SQLite always; PostgreSQL too when DATABASE_URL is set), each case (BENCH_CASES:
"reminder", subscribers following a key date due now; "follow-up", subscribers who marked an action
done through their personal link, each counted by the service, and the action then closed with an
outcome) and each size (BENCH_SIZES, default 10000,100000 subscribers; BENCH_FOLLOW_UP_SIZES, default
10000, for the follow-up), it runs
BENCH_REPEATS (default 3) ticks and prints the medians of: raw smtplib messages/s over one
connection to the same loopback server (aiosmtpd in its own process; measured just before and
after each tick, averaged), the project's messages/s for a whole tick (planning and sending),
and their ratio (with its range over the repeats); and the largest peak memory of a tick
(maximum resident set of the process that ran only the tick).

Each measurement runs in a fresh process: `setup` fills the database, `tick` measures.
"""

import datetime
import json
import os
import resource
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime.datetime(2026, 12, 9, 4, tzinfo=datetime.UTC)  # 09:00 in Almaty, 7 days before 16 December
RAW_MESSAGES = 3000
CLICKS_TIMED = 500  # "I did it" marks timed one transaction each (the follow-up case)


def django_setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415 (the settings depend on the environment this script sets)

    django.setup()


def setup(size, case="reminder"):
    django_setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from campaigns.models import KeyDate  # noqa: PLC0415
    from core.models import Campaign  # noqa: PLC0415
    from core.publishing import Visibility  # noqa: PLC0415
    from outreach.models import Subscriber  # noqa: PLC0415

    call_command("migrate", verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    campaign = Campaign.objects.create(
        name="Bench campaign", slug="bench", summary="x", visibility=Visibility.PUBLISHED
    )
    if case == "reminder":
        KeyDate.objects.create(
            campaign=campaign,
            title="Oil workers' strike & massacre",
            date=datetime.date(2011, 12, 16),
            recurrence="yearly",
            visibility=Visibility.PUBLISHED,
        )
    languages = ["en", "ru", "kk"]
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{n}@example.org", confirmed_at=timezone.now(), lead_days=[7, 1], language=languages[n % 3]
            )
            for n in range(size)
        ),
        batch_size=5000,
    )
    through = Subscriber.campaigns.through
    through.objects.bulk_create(
        (through(subscriber_id=pk, campaign_id=campaign.pk) for pk in Subscriber.objects.values_list("pk", flat=True)),
        batch_size=5000,
    )
    from django.db import connection  # noqa: PLC0415

    if case == "follow-up":
        mark_and_close(campaign)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live database


def mark_and_close(campaign):
    """Every subscriber marks the action done through the service their link calls, then it closes with
    an outcome: the tick sends the outcome to all of them. Prints how many marks a second were counted."""
    from django.db import transaction  # noqa: PLC0415

    from actions.models import Action  # noqa: PLC0415
    from core.models import Source  # noqa: PLC0415
    from outreach.action_alerts import mark_done  # noqa: PLC0415
    from outreach.models import Subscriber  # noqa: PLC0415

    action = Action.objects.create(
        campaign=campaign,
        title="Write to the Prosecutor General",
        slug="write",
        summary="Ask for an independent investigation.",
        steps="Copy the message.\nSend it.",
        starts_on=datetime.date(2026, 12, 1),
        deadline=datetime.date(2026, 12, 15),
        visibility="published",
    )
    subscribers = list(Subscriber.objects.only("pk", "language", "email").order_by("pk"))
    # The first ones one by one, each its own transaction as a click is: the figure printed. The rest
    # in transactions of a thousand, to fill the table in reasonable time.
    alone = subscribers[:CLICKS_TIMED]
    started = time.perf_counter()
    for subscriber in alone:
        mark_done(subscriber, action, NOW)
    marked = len(alone) / (time.perf_counter() - started)
    for start in range(CLICKS_TIMED, len(subscribers), 1000):
        with transaction.atomic():
            for subscriber in subscribers[start : start + 1000]:
                mark_done(subscriber, action, NOW)
    action.status, action.outcome = Action.Status.CLOSED, "The prosecutor's office replied on 8 December."
    action.outcome_source = Source.objects.create(title="Reply", url="https://example.org/reply")
    action.save()
    print(json.dumps({"marked_per_second": marked}))


def raw_smtplib(port, sample):
    """The baseline: pre-built messages of a reminder's size, one connection, nothing else."""
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        started = time.perf_counter()
        for n in range(RAW_MESSAGES):
            smtp.sendmail("alerts@localhost", [f"raw{n}@example.org"], sample)
        return RAW_MESSAGES / (time.perf_counter() - started)


def tick(port):
    os.environ.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port), REMINDER_SEND_SECONDS="3600")
    django_setup()
    from outreach.models import Delivery  # noqa: PLC0415
    from outreach.reminders import run_reminders  # noqa: PLC0415

    started = time.perf_counter()
    report = run_reminders(NOW)
    elapsed = time.perf_counter() - started
    sample = Delivery.objects.filter(status=Delivery.Status.SENT).count()
    print(
        json.dumps(
            {
                "sent": report.sent,
                "in_table": sample,
                "seconds": elapsed,
                "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def sample_message():
    django_setup()
    from django.core.mail import EmailMultiAlternatives  # noqa: PLC0415

    text = "A reminder of a key date with its links. " * 40
    message = EmailMultiAlternatives(
        "In 7 days: Oil workers' strike & massacre (15 years)", text, "alerts@localhost", ["raw@example.org"]
    )
    message.attach_alternative(f"<p>{text}</p>", "text/html")
    return message.message().as_bytes(linesep="\r\n")


def child(*args, env):
    result = subprocess.run(
        [sys.executable, __file__, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False, timeout=3600
    )
    if result.returncode:
        sys.exit(f"bench step {args} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def main():
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "10000,100000").split(",")]
    repeats = int(os.environ.get("BENCH_REPEATS", "3"))
    databases = [("SQLite", None)] + (
        [("PostgreSQL", os.environ["DATABASE_URL"])] if os.environ.get("DATABASE_URL") else []
    )
    port = _free_port()
    sink = subprocess.Popen(
        [sys.executable, "-m", "tests.smtp_sink", str(port)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        sink.stdout.readline()
        print(
            f"{'database':<11} {'case':<9} {'subscribers':>11} {'raw smtplib':>12} {'project':>9} {'ratio':>6} "
            f"{'(range)':>11} {'sent':>7} {'tick peak':>10} {'marked':>9}"
        )
        cases = os.environ.get("BENCH_CASES", "reminder,follow-up").split(",")
        for name, url in databases:
            # The follow-up's marks go through the service one by one: 10,000 (the figure) by default.
            follow_up_sizes = [int(size) for size in os.environ.get("BENCH_FOLLOW_UP_SIZES", "10000").split(",")]
            runs_wanted = [(kind, n) for kind in cases for n in (follow_up_sizes if kind == "follow-up" else sizes)]
            for case, size in runs_wanted:
                runs = [measure(url, size, port, case) for _ in range(repeats)]
                # This machine's speed drifts within minutes, and a single-connection round trip
                # (the baseline) suffers from it more than four connections do: each tick is
                # compared with the baseline taken just before and after it, and the median shown.
                raw, rate, ratio = (statistics.median(run[key] for run in runs) for key in ("raw", "rate", "ratio"))
                low, high = min(run["ratio"] for run in runs), max(run["ratio"] for run in runs)
                marked = statistics.median(run["marked"] for run in runs)
                print(
                    f"{name:<11} {case:<9} {size:>11} {raw:>10.0f}/s {rate:>7.0f}/s {ratio:>5.2f}x "
                    f"{low:>5.2f}-{high:<5.2f} {min(run['sent'] for run in runs):>7} "
                    f"{max(run['peak_mib'] for run in runs):>7.0f} MiB {f'{marked:.0f}/s' if marked else '':>9}",
                    flush=True,
                )
    finally:
        sink.terminate()
        sink.wait(10)


def measure(url, size, port, case="reminder"):
    """One tick of `size` reminders (or follow-ups), between two baseline runs."""
    with tempfile.TemporaryDirectory() as tmp:
        # Production settings: with DEBUG on, Django keeps every query's text in memory.
        env = {
            **os.environ,
            "VAR_DIR": tmp,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "bench-only-key",
            "FIELD_ENCRYPTION_KEYS": "cvhJMJs3qniBbS8pyft4_93dnk3ynE3IYygT43jxYz8=",  # bench-only
            "DJANGO_ALLOWED_HOSTS": "localhost",
            "DJANGO_BEHIND_PROXY": "false",
            "EMAIL_HOST": "",
            "DATABASE_URL": url or f"sqlite:///{tmp}/bench.sqlite3",
            "LOG_LEVEL": "WARNING",
        }
        filled = child("setup", str(size), case, env=env)
        before = float(child("raw", str(port), env=env))
        result = json.loads(child("tick", str(port), env=env))
        raw = (before + float(child("raw", str(port), env=env))) / 2
    rate = result["sent"] / result["seconds"]
    marked = json.loads(filled)["marked_per_second"] if filled.startswith("{") else 0
    return {
        "raw": raw,
        "rate": rate,
        "ratio": rate / raw,
        "sent": result["sent"],
        "peak_mib": result["peak_mib"],
        "marked": marked,
    }


def _free_port():
    import socket  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["setup", size, kind]:
            setup(int(size), kind)
        case ["raw", port]:
            sample = sample_message()
            print(raw_smtplib(int(port), sample))
        case ["tick", port]:
            tick(int(port))
        case _:
            main()
