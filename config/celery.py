import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import worker_ready
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _first_tick(sender, **kwargs):
    """A tick as soon as a worker is up, not an interval later: reminders due while the site was
    down go out at once, and /healthz sees a recent tick."""
    sender.app.send_task("outreach.tasks.reminder_tick")
    sender.app.send_task("core.tasks.refresh_planner_statistics")


@app.on_after_finalize.connect
def _schedules(sender, **kwargs):
    """Every periodic schedule lives here, in one place."""
    sender.conf.beat_schedule = {
        # Scans the database for due reminders; a short tick, never a long ETA (Redis may run those twice).
        # Expires after one interval: ticks never pile up behind a slow one.
        "reminder-tick": {
            "task": "outreach.tasks.reminder_tick",
            "schedule": float(settings.REMINDER_TICK_SECONDS),
            "options": {"expires": float(settings.REMINDER_TICK_SECONDS)},
        },
        # The database's statistics, which its query planner needs to keep a search's cost flat (core/planner.py).
        "planner-statistics": {
            "task": "core.tasks.refresh_planner_statistics",
            "schedule": crontab(minute=17),
            "options": {"expires": 3600.0},
        },
        "staff-digest": {
            "task": "outreach.tasks.staff_digest",
            "schedule": crontab(day_of_week="mon", hour=6, minute=0),
        },
    }
