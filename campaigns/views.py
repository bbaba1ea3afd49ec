"""A campaign's own page."""

from django.shortcuts import render

from core.gone import public_or_gone
from core.models import Campaign

from .models import KeyDate


def campaign_detail(request, slug):
    # The last three are registered by the accountability app, above this one (docs/architecture.md).
    campaigns = Campaign.objects.published().with_public(
        "people", "demands", "organisations", "responsibilities", "established_orders", "open_questions"
    )
    campaign = public_or_gone(campaigns.filter(slug=slug), "campaign", slug)
    context = {
        "campaign": campaign,
        "detained_count": sum(1 for person in campaign.public_people if person.is_detained),
        "next_dates": KeyDate.objects.listed().filter(campaign=campaign).upcoming(campaign.today(), limit=10),
    }
    return render(request, "campaigns/detail.html", context)
