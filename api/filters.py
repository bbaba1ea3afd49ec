import django_filters
from django.utils.translation import gettext_lazy as _

from campaigns.models import KeyDate
from core.models import Campaign


class KeyDateFilter(django_filters.FilterSet):
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), to_field_name="slug", queryset=Campaign.objects.published(), empty_label=_("Any campaign")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=KeyDate.Kind.choices, empty_label=_("Any kind"))

    class Meta:
        model = KeyDate
        fields = []


class NoFilter(django_filters.FilterSet):
    """Campaigns: a short list, unfiltered, paginated like the others."""

    class Meta:
        model = Campaign
        fields = []
