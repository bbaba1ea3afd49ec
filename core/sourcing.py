"""Every public fact cites a source.

A status change cites its `source` or a `source_url`; a timeline event, a charge or a sentence at least
one of its `sources`. Whatever path wrote a fact, the public sees it only once it is sourced: every
public queryset goes through `sourced()`. A record is published only when all its public facts are
(`ready_to_publish()`), and the admin says which fact is missing its source.
"""

from django.db import models
from django.db.models import Exists, OuterRef


def cites_a_source(model):
    """The condition that a row cites at least one of its many-to-many `sources`."""
    through = model._meta.get_field("sources").remote_field.through
    return Exists(through.objects.filter(**{model._meta.model_name: OuterRef("pk")}))


class SourcedQuerySet(models.QuerySet):
    """For a model with a `cited()` classmethod: the condition that a row cites a source."""

    def sourced(self):
        return self.filter(self.model.cited())

    def unsourced(self):
        return self.exclude(self.model.cited())
