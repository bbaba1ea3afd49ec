from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from campaigns.listing import filtered_page
from campaigns.models import KeyDate
from prisoners.models import Prisoner

from .filters import DemandFilter
from .models import Demand, DemandStatusChange


def demand_list(request):
    demands = Demand.objects.published().select_related("campaign").prefetch_related(
        "addressees", Prefetch("prisoners", to_attr="public_prisoners", queryset=Prisoner.objects.published())
    )
    filterset, page, status = filtered_page(request, DemandFilter, demands)
    return render(request, "demands/list.html", {"filter": filterset, "page": page}, status=status)


def demand_detail(request, slug):
    demands = Demand.objects.published().select_related("campaign").prefetch_related(
        "addressees",
        "backers",
        "sources",
        Prefetch("status_changes", queryset=DemandStatusChange.objects.select_related("source")),
        Prefetch("prisoners", to_attr="public_prisoners", queryset=Prisoner.objects.published()),
        Prefetch("key_dates", to_attr="public_key_dates", queryset=KeyDate.objects.published()),
    )
    demand = get_object_or_404(demands, slug=slug)
    return render(request, "demands/detail.html", {"demand": demand})
