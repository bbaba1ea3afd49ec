"""System checks for what the outbox needs from the database."""

from django.core import checks
from django.db import connections

SQLITE_RETURNING = (3, 35, 0)  # UPDATE ... RETURNING, which a sender's claim uses


def sqlite_returning(app_configs=None, databases=None, **kwargs):
    """Django 5.2 runs on SQLite 3.31, but a claim needs RETURNING: say so before the first tick fails."""
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "sqlite":
            continue
        version = connection.Database.sqlite_version_info
        if version < SQLITE_RETURNING:
            errors.append(
                checks.Error(
                    f"SQLite {'.'.join(map(str, version))} is too old for the reminder outbox (database "
                    f"'{alias}'): claims use UPDATE ... RETURNING, which needs SQLite 3.35 or later.",
                    hint="Use a Python built with a newer SQLite, or PostgreSQL (DATABASE_URL).",
                    id="outreach.E001",
                )
            )
    return errors
