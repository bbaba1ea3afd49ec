from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.cards import CardText, card_in_language
from core.gone import public_or_gone
from core.listing import PEOPLE_SHOWN, filtered_page
from core.publishing import public_relation_names, public_rows
from core.site import absolute_url

from .filters import DemandFilter
from .models import Demand

NAMES_IN_LIST = 10  # people named under each demand in the list


def demand_list(request):
    demands = (
        Demand.objects.published()
        .select_related("campaign")
        .with_public("addressees")
        .with_first_public("people", NAMES_IN_LIST + 1)  # one more: whether to say "and more"
    )
    filterset, page, status = filtered_page(request, DemandFilter, demands)
    return render(request, "demands/list.html", {"filter": filterset, "page": page}, status=status)


def demand_detail(request, slug):
    # Every public relation, including the key dates registered by the campaigns app.
    others = [name for name in public_relation_names(Demand) if name != "people"]
    demands = Demand.objects.published().select_related("campaign").with_public(*others)
    demand = public_or_gone(demands.filter(slug=slug), "demand", slug)
    card = absolute_url(reverse("demands:card", args=[demand.slug]))
    # A demand for the release of every political prisoner may concern thousands: a page at a time.
    people = Paginator(public_rows(demand, "people").in_a_line(), PEOPLE_SHOWN).get_page(request.GET.get("page"))
    return render(request, "demands/detail.html", {"demand": demand, "card_url": card, "people": people})


def card_text(demand):
    return CardText(title=demand.title, status=demand.get_status_display(), site=_("Zhanaozen tracker"))


def demand_card(request, slug):
    demand = get_object_or_404(Demand.objects.published(), slug=slug)
    # In the address's language (/ru/... is Russian): one picture for every visitor to that address.
    return card_in_language(lambda: card_text(demand))
