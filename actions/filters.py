"""The filters of the actions list: its page, the API's /api/actions/ and the export share them."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.listing import campaign_filter

from .models import Action


class ActionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Action.Status.choices, empty_label=_("Any status"))
    campaign = campaign_filter()

    class Meta:
        model = Action
        fields = []
