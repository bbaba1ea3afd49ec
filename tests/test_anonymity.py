"""An anonymous report, correction or subscription leaves neither the sender's address nor their browser
anywhere in the database: not in the audit trail, not in the rate limits' counts."""

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from reports.models import Report

from .factories import make_campaign, make_person

pytestmark = pytest.mark.django_db(transaction=True)
ADDRESS, BROWSER = "203.0.113.77", "Mozilla/5.0 (X11; Linux) TellTaleBrowser/99.1"


def _everything_stored():
    """Every value of every row of every table, as text."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (our own table names)
            found += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(found)


def test_a_report_a_correction_and_a_subscription_keep_no_address_and_no_browser(settings):
    # Counted in the database, as production does without Redis (or while Redis is down).
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "core_cache_entry"},
    }
    make_person(slug="p")
    make_campaign(slug="justice")
    visitor = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=BROWSER, HTTP_X_FORWARDED_FOR=ADDRESS)
    visitor.post("/report/", {"text": "Detained at the border", "name_given": "Someone"})
    visitor.post("/prisoners/p/correction/", {"text": "Released in May"})
    visitor.post("/subscribe/", {"email": "reader@example.org", "language": "en", "campaigns": ["justice"]})
    assert Report.objects.count() == 2 and LogEntry.objects.exists()
    stored = _everything_stored()
    assert ADDRESS not in stored and BROWSER not in stored and "TellTale" not in stored


def test_audit_entries_of_public_writes_made_before_lose_their_address(campaigner):
    report = Report.objects.create(kind="case", text="Old report")
    entry = LogEntry.objects.get_for_object(report).get()
    LogEntry.objects.filter(pk=entry.pk).update(remote_addr=ADDRESS, additional_data={"source": "site"})
    staff = LogEntry.objects.create(
        content_type=entry.content_type,
        object_pk=str(report.pk),
        object_repr="x",
        action=1,
        remote_addr="192.0.2.9",
        additional_data={"source": "admin"},
        actor=campaigner,
    )
    executor = MigrationExecutor(connection)
    executor.migrate([("core", "0008_public_version_in_the_database")])
    executor = MigrationExecutor(connection)
    executor.migrate([("core", "0009_public_writes_keep_no_address")])
    entry.refresh_from_db()
    staff.refresh_from_db()
    assert entry.remote_addr is None and staff.remote_addr == "192.0.2.9"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
