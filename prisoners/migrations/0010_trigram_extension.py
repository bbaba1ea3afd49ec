"""pg_trgm, for the one-wrong-letter search on PostgreSQL (a no-op on SQLite).

Creating an extension needs a role allowed to (the database owner since PostgreSQL 13 for trusted
extensions such as pg_trgm; a superuser before).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0009_search_keys_fold_kazakh")]

    operations = [TrigramExtension()]
