"""Public pages of outreach: subscribing and its signed links, and the calendar feeds."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from actions.models import Action
from actions.services import participants
from campaigns.models import KeyDate
from core.client_ip import keyed
from core.models import Campaign
from demands.models import Demand
from prisoners.models import Prisoner

from . import action_alerts, subscriptions, tasks
from .forms import PreferencesForm, SubscribeForm
from .ical import calendar_for, open_deadlines
from .tokens import UNSUBSCRIBE_SALT, subscriber_from_token


def _limited(request):
    """Per IP and per address. Checked only for valid posts, so a typo does not use up the allowance."""
    by_ip = is_ratelimited(
        request,
        group="subscribe-ip",
        key="core.client_ip.visitor_key",
        rate=settings.SUBSCRIBE_RATE_PER_IP,
        increment=True,
    )
    by_address = is_ratelimited(
        request,
        group="subscribe-address",
        rate=settings.SUBSCRIBE_RATE_PER_ADDRESS,
        increment=True,
        key=lambda group, req: keyed(req.POST.get("email", "")),
    )
    return by_ip or by_address


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        initial = {
            "language": translation.get_language(),
            "lead_days": [7, 1],
            "action_alerts": True,  # on for new subscribers; one untick away
            "campaigns": request.GET.getlist("campaign"),
            "prisoners": request.GET.getlist("person"),
            "demands": request.GET.getlist("demand"),
        }
        return render(request, "subscriptions/subscribe.html", {"form": SubscribeForm(initial=initial)})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "subscriptions/subscribe.html", {"form": form}, status=400)
    if _limited(request):
        message = _("Too many requests. Please wait an hour and try again.")
        return render(request, "subscriptions/subscribe.html", {"form": form, "limited": message}, status=429)
    data = form.cleaned_data
    _subscriber, delivery_id = subscriptions.subscribe(
        data["email"],
        language=data["language"],
        campaigns=data["campaigns"],
        prisoners=data["prisoners"],
        demands=data["demands"],
        lead_days=data["lead_days"],
        action_alerts=data["action_alerts"],
    )
    if delivery_id:
        transaction.on_commit(partial(tasks.enqueue_delivery, delivery_id))
    # The same answer for a new, a pending and an already confirmed address.
    return redirect("subscription_sent")


def subscription_sent(request):
    return render(
        request,
        "subscriptions/message.html",
        {
            "title": _("Check your email"),
            "message": _(
                "If this address can receive our emails, a message is on its way. Follow the link in it to "
                "confirm. Nothing else is sent until you do."
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    # A link scanner that fetches the link must not confirm: confirming takes a POST.
    if request.method == "GET":
        # The same test as the POST (expiry included): an expired link says so and offers no button.
        valid = subscriptions.confirmable(token) is not None
        context = {"valid": valid, "valid_days": settings.SUBSCRIPTION_CONFIRM_DAYS}
        return render(request, "subscriptions/confirm.html", context, status=200 if valid else 400)
    subscriber = subscriptions.confirm(token)
    if subscriber is None:
        return _bad_link(request)
    return render(
        request,
        "subscriptions/message.html",
        {
            "title": _("Subscription confirmed"),
            "message": _("Thank you. You will get an email before the dates you follow."),
        },
    )


@csrf_exempt  # RFC 8058: mail providers POST "List-Unsubscribe=One-Click" without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "GET":
        valid = subscriber_from_token(token, UNSUBSCRIBE_SALT) is not None
        return render(request, "subscriptions/unsubscribe.html", {"valid": valid}, status=200 if valid else 400)
    if subscriptions.unsubscribe(token) is None:
        return _bad_link(request)
    return render(
        request,
        "subscriptions/message.html",
        {
            "title": _("You are unsubscribed"),
            "message": _("You will get no more emails from us."),
        },
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = subscriptions.manageable(token)
    if subscriber is None:
        return _bad_link(request)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            delivery_id = subscriptions.update_preferences(subscriber, **form.cleaned_data)
            if delivery_id:
                transaction.on_commit(partial(tasks.enqueue_delivery, delivery_id))
            context = {
                "form": form,
                "saved": True,
                "subscriber": subscriber,
                "needs_confirmation": not subscriber.is_active,
            }
            return render(request, "subscriptions/manage.html", context)
        return render(request, "subscriptions/manage.html", {"form": form, "subscriber": subscriber}, status=400)
    initial = {
        "language": subscriber.language,
        "lead_days": subscriber.lead_days,
        "action_alerts": subscriber.action_alerts,
        "campaigns": [c.slug for c in subscriber.campaigns.all()],
        "prisoners": [p.slug for p in Prisoner.objects.published().filter(pk__in=subscriber.prisoners.values("pk"))],
        "demands": [d.slug for d in Demand.objects.published().filter(subscribers=subscriber)],
    }
    return render(
        request, "subscriptions/manage.html", {"form": PreferencesForm(initial=initial), "subscriber": subscriber}
    )


@require_http_methods(["GET", "POST"])
def action_done(request, slug, token):
    """A subscriber's personal "I did it" link: counted once, however often it is used."""
    action = Action.objects.published().select_related("campaign").filter(slug=slug).first()
    subscriber = action and subscriber_from_token(token, action_alerts.done_salt(action.pk))
    if not subscriber:
        return _bad_link(request)
    done, counted_now = action_alerts.has_done(subscriber, action), False
    if request.method == "POST" and not done and action.is_current():
        counted_now, done = action_alerts.mark_done(subscriber, action), True
    context = {
        "action": action,
        "done": done,
        "counted_now": counted_now,
        "current": action.is_current(),
        "participants": participants(action),
    }
    return render(request, "subscriptions/action_done.html", context, status=200 if done or context["current"] else 410)


def _bad_link(request):
    return render(
        request,
        "subscriptions/message.html",
        {
            "title": _("This link does not work"),
            "message": _(
                "It may be incomplete, changed or out of date. Copy the whole link from the email, or subscribe again."
            ),
        },
        status=400,
    )


def _ics(name, filename, actions, **filters):
    key_dates = KeyDate.objects.published().filter(**filters).select_related("campaign").order_by("pk")
    deadlines = list(open_deadlines(actions))
    response = HttpResponse(calendar_for(list(key_dates), name, deadlines), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def all_key_dates(request):
    return _ics(_("Zhanaozen tracker: key dates"), "key-dates.ics", Action.objects.published())


def campaign_key_dates(request, slug):
    campaign = get_object_or_404(Campaign.objects.published(), slug=slug)
    return _ics(
        campaign.name, f"{campaign.slug}.ics", Action.objects.published().filter(campaign=campaign), campaign=campaign
    )


def person_key_dates(request, slug):
    person = get_object_or_404(Prisoner.objects.published().at_public_address(slug))
    return _ics(
        person.name, f"{person.slug}.ics", Action.objects.published().filter(prisoners=person.pk), prisoners=person
    )
