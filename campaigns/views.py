"""The site's overview pages: home, a campaign, and the calendar of key dates."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from campaigns.core.dates import local_today
from campaigns.core.models import Campaign
from demands.models import Demand, DemandStatusChange
from prisoners.models import Prisoner, PrisonerStatusChange, TimelineEvent

from .models import KeyDate

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
        "updates": recent_updates(),
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


def recent_updates():
    """The latest status changes and timeline events of published records, newest first."""
    published = Prisoner.objects.published()
    person_changes = list(PrisonerStatusChange.objects.public().filter(prisoner__in=published)[:RECENT_UPDATES])
    events = list(TimelineEvent.objects.public().filter(prisoner__in=published).order_by("-date")[:RECENT_UPDATES])
    # People as published() shows them (an anonymised one by initials), never through select_related,
    # which would hand the template the record as stored.
    people = published.in_bulk({row.prisoner_id for row in [*person_changes, *events]})
    demand_changes = DemandStatusChange.objects.filter(demand__in=Demand.objects.published()).select_related("demand")
    updates = [_status_update(change, people[change.prisoner_id]) for change in person_changes]
    updates += [_status_update(change, change.demand) for change in demand_changes[:RECENT_UPDATES]]
    updates += [{"date": event.date, "record": people[event.prisoner_id], "text": event.title} for event in events]
    updates.sort(key=lambda update: update["date"], reverse=True)
    return updates[:RECENT_UPDATES]


def _status_update(change, record):
    if change.old_status:
        text = _("status now %(status)s") % {"status": change.get_new_status_display()}
    else:
        # The first entry is the day the record was added, not the day of the event.
        text = _("added to the tracker")
    return {"date": change.changed_at.date(), "record": record, "text": text}
