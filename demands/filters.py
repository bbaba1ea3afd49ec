import django_filters
from django.utils.translation import gettext_lazy as _

from core.listing import SlugOrNameFilter, campaign_filter
from core.models import Organisation

from .models import Demand, Status


class DemandFilter(django_filters.FilterSet):
    # Unstripped, so its length is checked as typed, as the API's schema says (maxLength); search() splits words.
    q = django_filters.CharFilter(
        label=_("Words of the demand or campaign"), method="filter_q", max_length=100, strip=False
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("Any status"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Demand.Kind.choices, empty_label=_("Any kind"))
    addressee = SlugOrNameFilter(
        label=_("Addressed to"),
        field_name="addressees",
        to_field_name="slug",
        queryset=Organisation.objects.filter(demands_received__in=Demand.objects.published()).distinct(),
        empty_label=_("Anyone"),
        kept_as="demand-addressees",
    )
    campaign = campaign_filter()

    class Meta:
        model = Demand
        fields = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value)
