"""pg_trgm, for the one-wrong-letter search on PostgreSQL (a no-op on SQLite).

Creating an extension needs a role allowed to (the database owner since PostgreSQL 13 for trusted
extensions such as pg_trgm; a superuser before).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class TrigramExtensionOnPostgreSQL(TrigramExtension):
    # Django's CreateExtension skips other databases going forwards, but not backwards.
    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0009_search_keys_fold_kazakh")]

    operations = [TrigramExtensionOnPostgreSQL()]
