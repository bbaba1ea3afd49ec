import redis
from django.conf import settings
from django.db import connection
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from demands.models import Demand, DemandStatusChange
from prisoners.models import Prisoner, PrisonerStatusChange, TimelineEvent

from .dates import local_today, upcoming_occurrences
from .models import Campaign, KeyDate

RECENT_UPDATES = 8


def home(request):
    people = Prisoner.objects.published()
    context = {
        "campaigns": Campaign.objects.published(),
        "detained_count": people.detained().count(),
        "people_count": people.count(),
        "outstanding_count": Demand.objects.published().outstanding().count(),
        "next_dates": upcoming_occurrences(_key_dates(), local_today(), limit=5),
        "updates": recent_updates(),
    }
    return render(request, "campaigns/home.html", context)


def campaign_detail(request, slug):
    campaign = get_object_or_404(Campaign.objects.published().prefetch_related("organisations"), slug=slug)
    people = campaign.prisoners.published().select_related("affiliation").prefetch_related("sentences")
    context = {
        "campaign": campaign,
        "people": people,
        "detained_count": sum(1 for person in people if person.is_detained),
        "demands": campaign.demands.published(),
        "next_dates": upcoming_occurrences(_key_dates().filter(campaign=campaign), campaign.today(), limit=10),
    }
    return render(request, "campaigns/detail.html", context)


def calendar(request):
    occurrences = upcoming_occurrences(_key_dates(), local_today())
    return render(request, "campaigns/calendar.html", {"occurrences": occurrences})


def _key_dates():
    return KeyDate.objects.published().select_related("campaign").prefetch_related(
        Prefetch("prisoners", to_attr="public_prisoners", queryset=Prisoner.objects.published()),
        Prefetch("demands", to_attr="public_demands", queryset=Demand.objects.published()),
    )


def recent_updates():
    """The latest status changes and timeline events of published records, newest first."""
    person_changes = PrisonerStatusChange.objects.filter(prisoner__in=Prisoner.objects.published()).select_related("prisoner")
    demand_changes = DemandStatusChange.objects.filter(demand__in=Demand.objects.published()).select_related("demand")
    events = TimelineEvent.objects.filter(is_public=True, prisoner__in=Prisoner.objects.published()).select_related("prisoner")
    updates = [_status_update(change, change.prisoner) for change in person_changes[:RECENT_UPDATES]]
    updates += [_status_update(change, change.demand) for change in demand_changes[:RECENT_UPDATES]]
    updates += [{"date": event.date, "record": event.prisoner, "text": event.title} for event in events.order_by("-date")[:RECENT_UPDATES]]
    updates.sort(key=lambda update: update["date"], reverse=True)
    return updates[:RECENT_UPDATES]


def _status_update(change, record):
    if change.old_status:
        text = _("status now %(status)s") % {"status": change.get_new_status_display()}
    else:
        # The first entry is the day the record was added, not the day of the event.
        text = _("added to the tracker")
    return {"date": change.changed_at.date(), "record": record, "text": text}


@never_cache
def healthz(request):
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any failure of the database means "not healthy"
        problems.append(f"database: {type(exc).__name__}")
    if settings.REDIS_URL:
        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            problems.append(f"redis: {type(exc).__name__}")
    if problems:
        return HttpResponse("unhealthy: " + "; ".join(problems), status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
