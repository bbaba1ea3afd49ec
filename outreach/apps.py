from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from .checks import sqlite_returning


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Reminders and subscribers")

    def ready(self):
        # Database checks run with `migrate` (and `check --database`), so `make run` says it first.
        checks.register(sqlite_returning, checks.Tags.database)
