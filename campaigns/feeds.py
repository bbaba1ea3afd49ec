from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from prisoners.models import Prisoner

from .ical import calendar_for
from .models import Campaign, KeyDate


def _ics(key_dates, name, filename):
    response = HttpResponse(calendar_for(list(key_dates), name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _key_dates():
    return KeyDate.objects.published().select_related("campaign").order_by("pk")


def all_key_dates(request):
    return _ics(_key_dates(), _("Zhanaozen tracker: key dates"), "key-dates.ics")


def campaign_key_dates(request, slug):
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    return _ics(_key_dates().filter(campaign=campaign), campaign.name, f"{campaign.slug}.ics")


def person_key_dates(request, slug):
    person = get_object_or_404(Prisoner.objects.published(), slug=slug)
    return _ics(_key_dates().filter(prisoners=person), person.name, f"{person.slug}.ics")
