"""Private fields are encrypted at rest, read back by the admin, and survive a change of key."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accountability.models import Actor
from core.encryption import PREFIX
from core.status import record_status_change
from prisoners.models import Prisoner, Status
from reports.models import Report

from .factories import cited_source, make_campaign, make_demand, make_person

pytestmark = pytest.mark.django_db
OLD_KEY = "cvhJMJs3qniBbS8pyft4_93dnk3ynE3IYygT43jxYz8="  # test-only
NEW_KEY = "d130bjGhwcdoojaJMVD5mGrS92ggb1GUQqBe6SGi0a8="  # test-only


def _raw(table, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 (our own names)
        return [row[0] for row in cursor.fetchall()]


def _everything_stored():
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (our own names)
            found += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(found)


def test_no_private_field_is_in_the_database_in_plaintext_and_the_admin_reads_them_back(campaigner_client):
    person = make_person(
        slug="p",
        family_contacts="SECRET-family +7 701 000",
        lawyer_contacts="SECRET-lawyer Almaty",
        consent_notes="SECRET-consent by phone",
        internal_notes="SECRET-internal",
    )
    person.internal_notes = "SECRET-internal, edited"
    person.save()  # an edit: the audit trail records it, without the values
    record_status_change(person, Status.RELEASED, source=cited_source(), staff_note="SECRET-staff note")
    make_demand(internal_notes="SECRET-demand notes")
    make_campaign(internal_notes="SECRET-campaign notes")
    Actor.objects.create(name="Prosecutors", slug="prosecutors", internal_notes="SECRET-actor notes")
    Report.objects.create(kind="case", text="Detained", contact="SECRET-reporter@example.org")

    stored = _everything_stored()
    assert "SECRET-" not in stored
    assert all(value.startswith(PREFIX) for value in _raw("prisoners_prisoner", "family_contacts"))
    assert LogEntry.objects.filter(changes__icontains="internal_notes").exists()  # the change is in the trail

    page = campaigner_client.get(f"/admin/prisoners/prisoner/{person.pk}/change/").content.decode()
    for secret in ("SECRET-family +7 701 000", "SECRET-lawyer Almaty", "SECRET-internal, edited", "SECRET-staff note"):
        assert secret in page
    assert Report.objects.get().contact == "SECRET-reporter@example.org"


def test_a_new_key_reads_the_old_values_and_the_command_rewrites_them(settings, capsys):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    person = make_person(family_contacts="Aunt in Aktau")
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert Prisoner.objects.get(pk=person.pk).family_contacts == "Aunt in Aktau"
    call_command("reencrypt_private_fields")
    assert "prisoners.Prisoner.family_contacts: 1" in capsys.readouterr().out
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    assert Prisoner.objects.get(pk=person.pk).family_contacts == "Aunt in Aktau"
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    with pytest.raises(ImproperlyConfigured):
        Prisoner.objects.get(pk=person.pk).family_contacts  # noqa: B018 (reading is what fails)


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_what_was_written_before():
    before = [("prisoners", "0015_history_in_the_order_recorded")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    old.get_model("prisoners", "Prisoner").objects.create(
        name="Old", slug="old", search_key=" old ", family_contacts="Brother in Zhanaozen"
    )
    assert _raw("prisoners_prisoner", "family_contacts") == ["Brother in Zhanaozen"]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    (stored,) = _raw("prisoners_prisoner", "family_contacts")
    assert stored.startswith(PREFIX) and "Brother" not in stored
    assert Prisoner.objects.get(slug="old").family_contacts == "Brother in Zhanaozen"
