import django_filters
from django.utils.translation import gettext_lazy as _

from campaigns.models import KeyDate
from core.listing import campaign_filter
from core.models import Campaign


class KeyDateFilter(django_filters.FilterSet):
    campaign = campaign_filter()
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=KeyDate.Kind.choices, empty_label=_("Any kind"))

    class Meta:
        model = KeyDate
        fields = []


class NoFilter(django_filters.FilterSet):
    """Campaigns: a short list, unfiltered, paginated like the others."""

    class Meta:
        model = Campaign
        fields = []
