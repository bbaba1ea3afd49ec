"""The site's own pages, over the whole record: home, the calendar of key dates, statistics, the letter
guide, robots.txt."""

import math

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actions.models import Action
from campaigns.models import KeyDate
from campaigns.updates import public_updates
from core.charts import Point, bar_chart, line_chart
from core.dates import local_today
from core.figures import figure
from core.models import Campaign
from core.site import absolute_url
from demands.models import Demand
from prisoners.models import Prisoner

from .statistics import statistics

RECENT_UPDATES = 8
ACTIONS_SHOWN = 3  # on the home page; the rest are on /actions/


def _home_counts():
    people = Prisoner.objects.published()
    return {
        "detained_count": people.detained().count(),
        "people_count": people.count(),
        "outstanding_count": Demand.objects.published().outstanding().count(),
    }


def home(request):
    context = {
        "campaigns": Campaign.objects.published(),
        **figure("home-counts", _home_counts),
        "next_dates": KeyDate.objects.listed().upcoming(local_today(), limit=5),
        "current_actions": list(Action.objects.listed().current()[:ACTIONS_SHOWN]),
        "updates": public_updates(RECENT_UPDATES),
    }
    return render(request, "pages/home.html", context)


def calendar(request):
    query = request.GET.get("q", "")[:100]
    key_dates = KeyDate.objects.listed().search(query)
    return render(request, "pages/calendar.html", {"occurrences": key_dates.upcoming(local_today()), "query": query})


def statistics_page(request):
    today = local_today()
    figures = statistics(today)
    custody = figures["custody"]
    held = [
        Point(_("today") if day == today else date_format(day, "Y" if custody.yearly else "M Y"), count)
        for day, count in custody.held
    ]
    updates = figures["updates"]
    charts = {
        "people": bar_chart(
            figures["people_by_status"],
            chart_id="chart-people",
            title=_("People by status"),
            description=_("How many people on record have each status; the figures are in the table beside."),
        ),
        "custody": line_chart(
            held,
            chart_id="chart-custody",
            labels_every=math.ceil(len(held) / 6) or 1,
            title=_("People held over time"),
            description=_(
                "How many people were held on the last day of each period since the earliest arrest on "
                "record, and today; the figures are in the table beside."
            ),
        )
        if held
        else "",
        "demand_status": bar_chart(
            figures["demands_by_status"],
            chart_id="chart-demand-status",
            title=_("Demands by status"),
            description=_("How many demands have each status; the figures are in the table beside."),
        ),
        "addressees": bar_chart(
            figures["demands_by_addressee"],
            chart_id="chart-addressees",
            title=_("Demands by addressee"),
            description=_("How many demands are addressed to each organisation; the figures are in the table beside."),
        ),
        "updates": line_chart(
            [Point(date_format(p.start, "Y" if updates.yearly else "M Y"), p.total) for p in updates.periods],
            chart_id="chart-updates",
            labels_every=math.ceil(len(updates.periods) / 6) or 1,
            title=_("Updates over time"),
            description=_(
                "How many updates happened in each period since the first on record; the figures are in the "
                "table beside."
            ),
        )
        if updates.periods
        else "",
    }
    context = {
        **figures,
        "charts": charts,
        "today": today,
        "people_total": sum(p.value for p in figures["people_by_status"]),
    }
    return render(request, "pages/statistics.html", context)


def robots_txt(request):
    # The admin's address is not listed: naming it here would undo moving it (DJANGO_ADMIN_URL).
    # Personal links (confirm, manage, unsubscribe) carry tokens and are no use to a search engine.
    lines = [
        "User-agent: *",
        "Disallow: /subscribe/confirm/",
        "Disallow: /subscribe/manage/",
        "Disallow: /unsubscribe/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def write(request):
    return render(request, "pages/write.html")


def favicon(request):
    # Resolved per request, not when the URLs load: in production the static manifest exists only
    # after collectstatic, and `manage.py check` must run before it.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
