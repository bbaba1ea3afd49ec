import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.models import Campaign, Organisation

from .models import Prisoner, Status


class SearchInput(forms.TextInput):
    input_type = "search"


YES_NO = [("true", _("Yes")), ("false", _("No"))]


def published_regions():
    """[(English name, name in the reader's language)]: the address keeps the English name, so a link
    to a filtered list works in every language."""
    shown = f"region_{get_language() or settings.LANGUAGE_CODE}"
    people = Prisoner.objects.published().exclude(region_en="").exclude(region_en=None).order_by()
    # values_list keeps one of two same-named columns: English asks for one.
    rows = (
        people.values_list("region_en", shown)
        if shown != "region_en"
        else [(english, english) for english in people.values_list("region_en", flat=True)]
    )
    return sorted({(english, name or english) for english, name in set(rows)}, key=lambda choice: choice[1])


def arrest_years():
    dates = Prisoner.objects.published().filter(arrested_on__isnull=False).dates("arrested_on", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in dates]


class PrisonerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or alias"), method="filter_q", max_length=100, widget=SearchInput)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("Any status"))
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"),
        field_name="campaigns",
        to_field_name="slug",
        queryset=Campaign.objects.published(),
        empty_label=_("Any campaign"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        field_name="affiliation",
        to_field_name="slug",
        queryset=Organisation.objects.filter(members__in=Prisoner.objects.published()).distinct(),
        empty_label=_("Any organisation"),
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), field_name="region_en", choices=published_regions, empty_label=_("Any region")
    )
    # A choice of the years present, not a free number: a year such as 99999 would overflow a date.
    arrest_year = django_filters.ChoiceFilter(
        label=_("Year of arrest"),
        field_name="arrested_on",
        lookup_expr="year",
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
