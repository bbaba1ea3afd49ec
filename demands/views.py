from django.shortcuts import get_object_or_404, render

from campaigns.core.listing import filtered_page

from .filters import DemandFilter
from .models import Demand


def demand_list(request):
    demands = Demand.objects.published().select_related("campaign").with_public("addressees", "people")
    filterset, page, status = filtered_page(request, DemandFilter, demands)
    return render(request, "demands/list.html", {"filter": filterset, "page": page}, status=status)


def demand_detail(request, slug):
    # Every public relation, including the key dates registered by the campaigns app.
    demand = get_object_or_404(Demand.objects.published().select_related("campaign").with_public(), slug=slug)
    return render(request, "demands/detail.html", {"demand": demand})
