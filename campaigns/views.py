"""A campaign's own page."""

from functools import partial

from django.shortcuts import render

from core.figures import figure
from core.gone import public_or_gone
from core.listing import PEOPLE_SHOWN
from core.models import Campaign
from core.publishing import public_rows

from .models import KeyDate


def _counts(campaign):
    people = public_rows(campaign, "people")
    return {"people_count": people.count(), "detained_count": people.detained().count()}


def campaign_detail(request, slug):
    # Open actions are registered by the actions app, the last three by the accountability app, both
    # above this one (docs/architecture.md).
    campaigns = Campaign.objects.published().with_public(
        "demands", "open_actions", "organisations", "responsibilities", "established_orders", "open_questions"
    )
    campaign = public_or_gone(campaigns.filter(slug=slug), "campaign", slug)
    context = {
        "campaign": campaign,
        # Its own query, walking the list's index: as a prefetch of one row, Django numbers every
        # person of the campaign (a window function) to keep the first fifty.
        "people": list(public_rows(campaign, "people").in_a_line()[:PEOPLE_SHOWN]),
        **figure(f"campaign-counts:{campaign.pk}", partial(_counts, campaign)),
        "next_dates": KeyDate.objects.listed().filter(campaign=campaign).upcoming(campaign.today(), limit=10),
    }
    return render(request, "campaigns/detail.html", context)
