import django_filters
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.choices import BaseChoiceIterator
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .figures import figure
from .models import Campaign

PER_PAGE = 20
# The people a record's page or API answer names at a time: a demand may concern thousands.
PEOPLE_SHOWN = 50


class KeptChoices(BaseChoiceIterator):
    """A model choice field's options kept per version of the public record (core.figures), in each
    language: every list page shows its filter form, and reading the campaigns or organisations there
    would be a query and a model per option on every render. A value sent is still checked against
    the field's queryset."""

    def __init__(self, field):
        self.field = field

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:  # as django-filter's own iterator offers it
            yield (self.field.null_value, self.field.null_label)
        language = get_language() or settings.LANGUAGE_CODE
        yield from figure(f"choices:{self.field.kept_as}:{language}", self._options)

    def __len__(self):
        return sum(1 for _choice in self)

    def _options(self):
        return [(self.field.prepare_value(row), self.field.label_from_instance(row)) for row in self.field.queryset]


class KeptModelChoiceField(django_filters.fields.ModelChoiceField):
    iterator = KeptChoices

    def __init__(self, *args, kept_as, **kwargs):
        self.kept_as = kept_as  # the figure's name: one per filter, as each has its own queryset
        super().__init__(*args, **kwargs)


class KeptModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = KeptModelChoiceField


def campaign_filter(**kwargs):
    """A list's filter by campaign (its slug), among the published campaigns."""
    return KeptModelChoiceFilter(
        label=_("Campaign"),
        to_field_name="slug",
        queryset=Campaign.objects.published(),
        empty_label=_("Any campaign"),
        kept_as="campaigns",
        **kwargs,
    )


class SlugOrNameField(KeptModelChoiceField):
    """A record chosen by its slug, as the site's filter forms send it, or by its name, as the lists, the
    exports and the API show it: a name copied from an answer works as a filter."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        try:
            # Before the database sees it: PostgreSQL refuses a NUL in a query.
            ProhibitNullCharactersValidator()(value)
        except forms.ValidationError:
            self._refuse(value)
        for lookup in ("slug", "name"):
            found = self.queryset.filter(**{lookup: value}).first()
            if found is not None:
                return found
        self._refuse(value)

    def _refuse(self, value):
        raise forms.ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )

    def accepted_values(self):
        """Every value this filter accepts: each record's slug and its name."""
        return [value for record in self.queryset for value in (record.slug, record.name)]


class SlugOrNameFilter(KeptModelChoiceFilter):
    field_class = SlugOrNameField


def filtered(request, filterset_class, queryset):
    """The rows a public list shows for this query string, in its order, before pagination.

    A bad filter value gives no rows and status 400, never the unfiltered list (which would look
    like the filter had matched everything). Pages, exports and the API all filter through here.
    """
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, queryset.none(), 400
    return filterset, filterset.qs, 200


COUNTED = 1000  # matches a filtered list counts and pages through; more: "narrow the filters"


class CountedPaginator(Paginator):
    """Pages of a list whose length is known (`total`, a figure kept per version of the record), or
    counted up to COUNTED matches: counting every match of a broad filter reads every matching row,
    a cost that grows with the record, and nobody reads the 51st page of a filter; they narrow it."""

    def __init__(self, rows, per_page, total=None):
        super().__init__(rows, per_page)
        self.total = total

    @cached_property
    def counted(self):
        if self.total is not None:
            return self.total
        # Unordered: the filters' own indexes may serve the count; the list's order would not help it.
        return self.object_list.order_by()[: COUNTED + 1].count()

    @cached_property
    def count(self):
        return self.counted if self.total is not None else min(self.counted, COUNTED)

    @property
    def more_than_counted(self):
        return self.total is None and self.counted > COUNTED


def unfiltered(filterset, status):
    """Whether a valid query string filters nothing (a page number aside): the whole list is shown."""
    return status == 200 and (not filterset.is_bound or not any(filterset.form.cleaned_data.values()))


def filtered_page(request, filterset_class, queryset, per_page=PER_PAGE, total=None):
    """Filter and paginate a public list (see `filtered`); answers 400 with the form's errors and
    no rows for a bad filter, never a 500. A bad page number falls back to the nearest real page.
    `total()`: the unfiltered list's length, when known without counting."""
    filterset, rows, status = filtered(request, filterset_class, queryset)
    paginator = CountedPaginator(rows, per_page, total() if total and unfiltered(filterset, status) else None)
    page = paginator.get_page(request.GET.get("page"))
    return filterset, page, status
