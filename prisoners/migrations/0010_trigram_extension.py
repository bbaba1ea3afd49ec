"""Once created pg_trgm for the one-wrong-letter search on PostgreSQL. The search now reads its own
index (prisoners/search.py, migration 0020), so a new database no longer needs the extension, nor
the rights to create one; a database that has it keeps it, unused."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0009_search_keys_fold_kazakh")]

    operations = []
