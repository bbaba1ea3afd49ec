"""The filters of the actions list: its page, the API's /api/actions/ and the export share them."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import Campaign

from .models import Action


class ActionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Action.Status.choices, empty_label=_("Any status"))
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"), to_field_name="slug", queryset=Campaign.objects.published(), empty_label=_("Any campaign")
    )

    class Meta:
        model = Action
        fields = []
