from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from campaigns.listing import filtered_page
from campaigns.models import Campaign, KeyDate
from demands.models import Demand

from .filters import PrisonerFilter
from .models import Prisoner, PrisonerStatusChange, TimelineEvent


def prisoner_list(request):
    people = Prisoner.objects.published().select_related("affiliation").prefetch_related(
        "sentences", Prefetch("campaigns", to_attr="public_campaigns", queryset=Campaign.objects.published())
    )
    filterset, page, status = filtered_page(request, PrisonerFilter, people)
    return render(request, "prisoners/list.html", {"filter": filterset, "page": page}, status=status)


def prisoner_detail(request, slug):
    people = Prisoner.objects.published().select_related("affiliation").prefetch_related(
        "aliases",
        "charges",
        "sentences",
        "sources",
        Prefetch("events", queryset=TimelineEvent.objects.filter(is_public=True).prefetch_related("sources")),
        Prefetch("status_changes", queryset=PrisonerStatusChange.objects.select_related("source")),
        Prefetch("demands", to_attr="public_demands", queryset=Demand.objects.published()),
        Prefetch("campaigns", to_attr="public_campaigns", queryset=Campaign.objects.published()),
        Prefetch("key_dates", to_attr="public_key_dates", queryset=KeyDate.objects.published()),
    )
    person = get_object_or_404(people, slug=slug)
    return render(request, "prisoners/detail.html", {"person": person})
