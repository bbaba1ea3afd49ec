import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.figures import figure
from core.listing import SlugOrNameFilter, campaign_filter
from core.models import Organisation

from .models import Prisoner, Status


class SearchInput(forms.TextInput):
    input_type = "search"


YES_NO = [("true", _("Yes")), ("false", _("No"))]


def _regions():
    people = Prisoner.objects.published().exclude(region_en="").exclude(region_en=None).order_by()
    columns = [f"region_{code}" for code, _name in settings.LANGUAGES]
    return [dict(zip(columns, row, strict=True)) for row in people.values_list(*columns).distinct()]


def published_regions():
    """[(English name, name in the reader's language)]: the address keeps the English name, so a link
    to a filtered list works in every language. Kept per version of the record (core.figures)."""
    shown = f"region_{get_language() or settings.LANGUAGE_CODE}"
    pairs = {(row["region_en"], row.get(shown) or row["region_en"]) for row in figure("regions", _regions)}
    return sorted(pairs, key=lambda choice: choice[1])


def _years():
    years = (
        Prisoner.objects.published()
        .filter(arrested_year__isnull=False)
        .order_by("-arrested_year")
        .values_list("arrested_year", flat=True)
        .distinct()
    )
    return list(years)


def arrest_years():
    return [(str(year), str(year)) for year in figure("arrest-years", _years)]


class PrisonerFilter(django_filters.FilterSet):
    # Unstripped, so its length is checked as typed, as the API's schema says (maxLength); search() splits words.
    q = django_filters.CharFilter(
        label=_("Name or alias"), method="filter_q", max_length=100, strip=False, widget=SearchInput
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("Any status"))
    campaign = campaign_filter(field_name="campaigns")
    organisation = SlugOrNameFilter(
        label=_("Organisation"),
        field_name="affiliation",
        to_field_name="slug",
        queryset=Organisation.objects.filter(Exists(Prisoner.objects.published().filter(affiliation=OuterRef("pk")))),
        empty_label=_("Any organisation"),
        kept_as="people-organisations",
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), field_name="region_en", choices=published_regions, empty_label=_("Any region")
    )
    # A choice of the years present, not a free number: a year such as 99999 would overflow a date.
    arrest_year = django_filters.ChoiceFilter(
        label=_("Year of arrest"),
        field_name="arrested_year",
        choices=arrest_years,
        empty_label=_("Any year"),
    )
    outstanding = django_filters.ChoiceFilter(
        label=_("Has outstanding demands"), choices=YES_NO, method="filter_outstanding", empty_label=_("Either")
    )

    class Meta:
        model = Prisoner
        fields = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_outstanding(self, queryset, name, value):
        # "outstanding_demands" is registered by the demands app, which knows what outstanding means.
        return queryset.having_public("outstanding_demands", value == "true")
