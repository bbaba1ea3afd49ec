from django.shortcuts import render

from core.models import Campaign

from .models import Actor


def responsibility(request):
    """Who is responsible, grouped by actor, and what is not known, per campaign."""
    actors = Actor.objects.published().having_public("responsibilities").with_public("responsibilities")
    campaigns = Campaign.objects.published().with_public("open_questions", "established_orders")
    return render(request, "accountability/responsibility.html", {"actors": actors, "campaigns": campaigns})
