"""The query planner's statistics, refreshed after bulk loads and every hour.

SQLite keeps none until ANALYZE runs. Without them it guesses that `visibility = 'published'` picks
out a few rows, and answers a search by reading every published person's index entry and checking
each against the few rows the name index found, instead of fetching those few: a cost that grows
with the record. PostgreSQL's autovacuum analyses tables by itself, but only some time after a bulk
load; ANALYZE costs a fraction of a second at 100,000 people on either.
"""

from django.db import connections


def refresh_statistics(using="default"):
    with connections[using].cursor() as cursor:
        cursor.execute("ANALYZE")
