"""Draft or published, and what the public may see of a record's relations.

`published()` is the one definition of what the public may see of a model. A record's relations
reach a page only through `with_public(name, ...)`, which attaches `public_<name>`: a list of the
related rows the public may see. Templates iterate over those attributes alone, so a page that
forgot to ask for one shows nothing rather than a draft.

A relation is registered once, with `public_relation()`, by the higher of the two apps it joins
(the one that can import both models): prisoners registers a person's campaigns, demands registers
a person's demands, campaigns registers a person's key dates.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .encryption import EncryptedTextField
from .protection import Protected, ProtectedQuerySet
from .text import search_key, search_words


@dataclass(frozen=True)
class PublicRelation:
    lookup: str  # the relation's name on the model
    queryset: Callable[[], models.QuerySet]  # called at query time: the rows the public may see
    shown: bool = True  # False: only for filtering (`having_public`), never attached by `with_public()`


_RELATIONS: dict[type, dict[str, PublicRelation]] = {}


def public_relation(model, name, lookup, queryset, shown=True):
    """Declare that `model` rows show `public_<name>`: the rows of `lookup` in `queryset()`."""
    _RELATIONS.setdefault(model, {})[name] = PublicRelation(lookup, queryset, shown)


def public_relation_names(model):
    return sorted(_RELATIONS.get(model, {}))


class PublicRelationsQuerySet(models.QuerySet):
    def with_public(self, *names):
        """Attach `public_<name>` for each name (every relation a page shows when none is given)."""
        relations = _RELATIONS.get(self.model, {})
        prefetches = [
            Prefetch(relations[name].lookup, queryset=relations[name].queryset(), to_attr=f"public_{name}")
            for name in names or sorted(name for name, relation in relations.items() if relation.shown)
        ]
        return self.prefetch_related(*prefetches)

    def with_first_public(self, name, count):
        """Attach `public_<name>`: the first `count` public rows of a relation that can grow without
        bound (a campaign's people), so that a page shows a page of them, never all."""
        relation = _RELATIONS[self.model][name]
        return self.prefetch_related(
            Prefetch(relation.lookup, queryset=relation.queryset()[:count], to_attr=f"public_{name}")
        )

    def with_public_count(self, name):
        """Annotate `public_<name>_count`: how many public rows the relation holds (with
        `with_first_public`, to say how many there are beyond the page shown)."""
        relation = _RELATIONS[self.model][name]
        back = _back(self.model, relation)
        rows = relation.queryset().order_by().filter(**{back: OuterRef("pk")}).values(back)
        count = Subquery(rows.annotate(count=Count("pk")).values("count"))
        return self.annotate(**{f"public_{name}_count": Coalesce(count, 0)})

    def having_public(self, name, present=True, **lookups):
        """Rows that have (or, with present=False, lack) a public row in relation `name` (one that
        matches `lookups`, when given)."""
        relation = _RELATIONS[self.model][name]
        back = _back(self.model, relation)
        # The ids the related rows lead back to, read once: a correlated EXISTS would be asked again for
        # every row of this model, 100,000 times for a list of people when few have such a row.
        # Nulls left out: "NOT IN" a list holding a null is never true.
        ids = relation.queryset().filter(**{f"{back}__isnull": False}, **lookups).values(back)
        return self.filter(pk__in=ids) if present else self.exclude(pk__in=ids)


def _back(model, relation):
    """The name that leads from the relation's rows back to `model`."""
    field = model._meta.get_field(relation.lookup)
    # A reverse relation is filtered through the field that declares it; a forward one through the
    # name it is queried by from the other side.
    return field.field.name if field.auto_created else field.related_query_name()


def public_rows(record, name):
    """The public rows of `record`'s relation `name`, as a query (to count them, say)."""
    relation = _RELATIONS[type(record)][name]
    return relation.queryset().filter(**{_back(type(record), relation): record.pk})


@functools.cache  # published() is asked for a dozen times a page
def _encrypted(model):
    return tuple(field.name for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField))


class Visibility(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived (no longer public, kept)")


class PublishableQuerySet(ProtectedQuerySet, PublicRelationsQuerySet):
    def published(self):
        """The one definition of what the public may see; every public page, feed and export uses it."""
        # Never read for the public: a private (encrypted) field stays in the database, undecrypted.
        return self.filter(visibility=Visibility.PUBLISHED).defer(*_encrypted(self.model))

    def search(self, text):
        """Rows whose `searched_fields` have every typed word, in any order, at the start of a word,
        folded as names are (core.text): Жаңаөзен, Жанаозен and Janaozen find "Zhanaozen".

        Folded in Python: the models that use this (campaigns, demands, key dates) have tens of rows a
        campaign, and a folded key would need a column per language and field.
        """
        words = search_words(text)
        if not words:
            return self
        fields = self.model.searched_fields
        found = [
            pk
            for pk, *texts in self.values_list("pk", *fields)
            if all(f" {word}" in search_key(*texts) for word in words)
        ]
        return self.filter(pk__in=found)

    def ready_to_publish(self):
        """The records that may be made public as they stand (each model says what it needs, such as
        a source for every fact); the rest stay as they are."""
        return self

    def publish(self):
        return self.ready_to_publish()._set_visibility(Visibility.PUBLISHED)

    def unpublish(self, reason):
        """Take these records offline (back to draft), saying why: kept with each and in the audit trail."""
        if self.filter(visibility=Visibility.PUBLISHED).exists() and not reason.strip():
            raise ValidationError(_("Say why these records are taken offline."))
        return self._set_visibility(Visibility.DRAFT, reason.strip())

    def _set_visibility(self, visibility, reason=None):
        # Saved one by one, not with update(): each change must reach the audit trail.
        changed = 0
        fields = ["visibility", "was_public"] + (["archive_reason"] if reason else [])
        for record in self.exclude(visibility=visibility):
            if reason and record.is_published:
                record.archive_reason = reason
            record.visibility = visibility
            record.save(update_fields=fields)
            changed += 1
        return changed


class Publishable(Protected):
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.DRAFT,
        db_index=True,
        help_text=_("A record that has been public is never deleted: to take it down, archive it and say why."),
    )
    # Set on first publication and never cleared: what the public may have seen is kept.
    was_public = models.BooleanField(_("has been public"), default=False, editable=False)
    archive_reason = models.CharField(
        _("why it was taken offline"),
        max_length=300,
        blank=True,
        help_text=_(
            "Private. Needed when archiving, or taking a public record back to draft (for example: consent "
            "withdrawn, a safety risk, a duplicate, a fact in doubt)."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.visibility == Visibility.PUBLISHED

    def unsourced_facts(self):
        """The public facts of this record that cite no source (none, for a record without facts)."""
        return []

    def save(self, *args, **kwargs):
        if self.is_published and not self._state.adding and not self._was_published() and self.has_unsourced_status():
            # Every path, not only the admin's forms: a status the public would see cites its source.
            raise ValidationError(_("This record's current status cites no source: give it one before publishing."))
        if self.is_published:
            self.was_public = True
        if self.archive_reason and self.shown_publicly() and not self._state.adding and not self._was_shown():
            # Public again: the reason it was taken down belongs to that time (the audit trail keeps
            # it), and the next takedown must give its own.
            self.archive_reason = ""
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "archive_reason"}
        super().save(*args, **kwargs)

    def shown_publicly(self):
        return self.is_published

    def has_unsourced_status(self):
        """Whether the status this record shows rests on a change with no source (records with a status)."""
        return False

    def _was_published(self):
        return type(self).objects.filter(pk=self.pk, visibility=Visibility.PUBLISHED).exists()

    def _was_shown(self):
        stored = type(self).objects.filter(pk=self.pk).first()
        return stored is not None and stored.shown_publicly()

    def clean(self):
        super().clean()
        if self.visibility == Visibility.ARCHIVED and not self.archive_reason.strip():
            raise ValidationError({"archive_reason": _("Say why this record is archived.")})
        if self.taken_offline() and not self.archive_reason.strip():
            raise ValidationError({"archive_reason": _("Say why this public record is taken offline.")})

    def taken_offline(self):
        """Whether this edit takes a public record off the site: a deliberate act, done with a reason."""
        if self.is_published or self._state.adding:
            return False
        return type(self).objects.filter(pk=self.pk, visibility=Visibility.PUBLISHED).exists()

    def protection(self):
        if self.is_published or self.was_public:
            return _("it is or has been public; archive it instead")
        return ""

    def deletable_by(self, user):
        """What the public has seen is deleted only by an administrator (a purge); an editor deletes drafts."""
        return user.is_superuser or not self.protection()
