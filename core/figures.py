"""Figures over the whole public record, computed once for each version of it and kept in the database.

The statistics, the home page's counts and the lists' filter choices read every public row: their
cost grows with the record. Each is computed when a request first asks for it after the record
changed (the version in core.public_cache), stored with that version, and read back, one query, by
every request and every process until the next change, and kept in each process's memory for as
long as the version it reads (public_version, trusted for a second) stays the same. So a page costs
the same at 100,000 people as at 10, but for the one request after each change that recomputes it.
"""

import json

from django.conf import settings
from django.db import models

from .public_cache import public_version


class Figure(models.Model):
    name = models.CharField(max_length=100, primary_key=True)
    version = models.BigIntegerField()
    data = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "figure"


_kept = {}  # name -> (version, data), this process's copy


def figure(name, compute):
    """`compute()` (JSON-serialisable data), as of the current version of the public record."""
    if not settings.KEEP_FIGURES:
        return compute()
    version = public_version()
    kept = _kept.get(name)
    if kept and kept[0] == version:
        return kept[1]
    data = Figure.objects.filter(name=name, version=version).values_list("data", flat=True).first()
    if data is None:
        # As it reads back from the database (tuples become lists, keys strings), whoever computed it.
        data = json.loads(json.dumps(compute()))
        Figure.objects.update_or_create(name=name, defaults={"version": version, "data": data})
    _kept[name] = (version, data)
    return data
