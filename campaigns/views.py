"""The site's overview pages: home, a campaign, and the calendar of key dates."""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse

from campaigns.core.dates import local_today
from campaigns.core.models import Campaign
from campaigns.core.site import absolute
from demands.models import Demand
from prisoners.models import Prisoner

from .models import KeyDate
from .updates import public_updates

RECENT_UPDATES = 8


def _key_dates():
    return KeyDate.objects.published().select_related("campaign").with_public("people")


def home(request):
    people = Prisoner.objects.published()
    context = {
        "campaigns": Campaign.objects.published(),
        "detained_count": people.detained().count(),
        "people_count": people.count(),
        "outstanding_count": Demand.objects.published().outstanding().count(),
        "next_dates": _key_dates().upcoming(local_today(), limit=5),
        "updates": public_updates(RECENT_UPDATES),
    }
    return render(request, "campaigns/home.html", context)


def campaign_detail(request, slug):
    # The last three are registered by the accountability app, above this one (README, "Architecture").
    campaigns = Campaign.objects.published().with_public(
        "people", "demands", "organisations", "responsibilities", "established_orders", "open_questions"
    )
    campaign = get_object_or_404(campaigns, slug=slug)
    context = {
        "campaign": campaign,
        "detained_count": sum(1 for person in campaign.public_people if person.is_detained),
        "next_dates": _key_dates().filter(campaign=campaign).upcoming(campaign.today(), limit=10),
    }
    return render(request, "campaigns/detail.html", context)


def calendar(request):
    return render(request, "campaigns/calendar.html", {"occurrences": _key_dates().upcoming(local_today())})


def robots_txt(request):
    # The admin's address is not listed: naming it here would undo moving it (DJANGO_ADMIN_URL).
    # Personal links (confirm, manage, unsubscribe) carry tokens and are no use to a search engine.
    lines = [
        "User-agent: *",
        "Disallow: /subscribe/confirm/",
        "Disallow: /subscribe/manage/",
        "Disallow: /unsubscribe/",
        f"Sitemap: {absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def write(request):
    return render(request, "campaigns/write.html")


def favicon(request):
    # Resolved per request, not when the URLs load: in production the static manifest exists only
    # after collectstatic, and `manage.py check` must run before it.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
