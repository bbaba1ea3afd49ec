"""The public pages of actions: the list, an action's page and its printable letter, and the visitor's
"I did it", counted without a cookie so that the action's page stays one cached page for everyone."""

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from campaigns.models import KeyDate
from core.client_ip import client_ip, keyed, over_limit
from core.gone import public_or_gone
from core.listing import PER_PAGE, CountedPaginator
from core.site import absolute_url

from . import public
from .models import Action, Participation
from .services import count_participation

COUNTED_FOR = 24 * 60 * 60  # a visitor's address counts once per action in this many seconds


def action_list(request):
    page = CountedPaginator(Action.objects.listed(), PER_PAGE).get_page(request.GET.get("page"))
    for action in page:
        action.phase = public.phase(action)
        action.phase_label = public.phase_label(action.phase)
    return render(request, "actions/list.html", {"page": page})


def _public_action(slug, *relations):
    actions = Action.objects.published().select_related("campaign").with_participants().with_public(*relations)
    return public_or_gone(actions.filter(slug=slug), "action", slug)


def action_detail(request, slug):
    action = _public_action(slug, "people", "demands", "addressees", "sources")
    reader = get_language()
    to_send = public.letter_to_send(action, reader)
    for_reading = public.letter_in(action, reader)
    for addressee in action.public_addressees:
        addressee.mailto = to_send.mailto(addressee.email) if addressee.email and to_send.message else ""
        addressee.tel = public.telephone_uri(addressee.phone) if addressee.phone else ""
    phase = public.phase(action)
    context = {
        "action": action,
        "phase": phase,
        "phase_label": public.phase_label(phase),
        "steps": public.steps(action),
        "steps_in_english": reader != settings.LANGUAGE_CODE and not getattr(action, f"steps_{reader}", ""),
        "to_send": to_send,
        # The reader's own language, to understand what they send, when the letter is in another.
        "for_reading": for_reading if for_reading.language != to_send.language else None,
        "deadline_utc": public.utc_moment(action.deadline_at),
        "key_date": _key_date(action),
        "outcome_sources": [action.outcome_source] if action.outcome_source_id else [],
        # An anonymised person's sources would name them, as on their own page.
        "hide_sources": any(person.is_anonymised for person in action.public_people),
    }
    return render(request, "actions/detail.html", context)


def _key_date(action):
    """The key date the action serves, if public, with its day that falls in the action's time."""
    key_date = KeyDate.objects.published().filter(pk=action.key_date_id).first() if action.key_date_id else None
    if key_date is not None:
        key_date.day = key_date.next_occurrence(action.starts_on)
    return key_date


def action_letter(request, slug):
    action = _public_action(slug, "addressees")
    letter = public.letter_to_send(action, get_language())
    if not letter.message:
        raise Http404
    # One letter for each addressee that has a postal address; a letter to fill in by hand otherwise.
    addressees = [addressee for addressee in action.public_addressees if addressee.postal_address] or [None]
    return render(request, "actions/letter.html", {"action": action, "letter": letter, "addressees": addressees})


def _cross_site(request):
    """A post from another site's page: what a CSRF token would refuse, told by the browser's headers
    (a counter without cookies has no token to check)."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return origin is not None and urlsplit(origin).netloc.lower() != request.get_host().lower()


def _visitor(request):
    """Who clicked, as a keyed hash kept a day: enough to count a visitor once, leading to no one. The
    address and the browser together: people behind one mobile operator's address (common in
    Kazakhstan) are not one visitor, and a reload in the same browser is."""
    browser = f"{request.headers.get('User-Agent', '')}|{request.headers.get('Accept-Language', '')}"
    return keyed(f"{client_ip(request)}|{browser[:300]}")


def _message(request, action, title, message, status):
    context = {"action": action, "title": title, "message": message}
    return render(request, "actions/message.html", context, status=status)


@csrf_exempt  # the form sits on a cached page shared by everyone: it carries no token (see `_cross_site`)
@never_cache
@require_POST
def action_done(request, slug):
    if _cross_site(request):
        return _message(
            request, None, _("Not counted"), _("This form can only be sent from this site's own page."), 403
        )
    action = get_object_or_404(Action.objects.published().select_related("campaign"), slug=slug)
    if over_limit(request, "action-done", settings.ACTION_DONE_RATE_PER_IP):
        message = _("Too many clicks from this connection. Please wait an hour and try again.")
        return _message(request, action, _("Too many clicks"), message, 429)
    if public.phase(action) != public.CURRENT:
        message = _("This action is closed: it no longer counts who takes part.")
        return _message(request, action, _("This action has closed"), message, 409)
    first = caches["limits"].add(f"action-done:{action.pk}:{_visitor(request)}", 1, COUNTED_FOR)
    if first:
        count_participation(action, get_language(), Participation.Channel.VISITOR)
    thanks = reverse("actions:thanks", args=[action.slug])
    response = HttpResponseRedirect(thanks if first else f"{thanks}?again=1")
    response.status_code = 303  # See Other: the browser fetches the thanks page with a GET
    return response


@never_cache
def action_thanks(request, slug):
    action = get_object_or_404(Action.objects.published().select_related("campaign").with_participants(), slug=slug)
    page = absolute_url(action.get_absolute_url())
    title = action.title
    text = quote(f"{title} {page}", safe="")
    # (name, address, language of the name): another site's name is written as it is, in Latin letters.
    shares = [
        (_("Email"), f"mailto:?subject={quote(title, safe='')}&body={quote(page, safe='')}", None),
        ("Telegram", f"https://t.me/share/url?url={quote(page, safe='')}&text={quote(title, safe='')}", "en"),
        ("WhatsApp", f"https://wa.me/?text={text}", "en"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quote(page, safe='')}", "en"),
        ("VK", f"https://vk.com/share.php?url={quote(page, safe='')}", "en"),
        ("X", f"https://x.com/intent/post?text={text}", "en"),
    ]
    context = {"action": action, "again": request.GET.get("again") == "1", "shares": shares}
    return render(request, "actions/thanks.html", context)


@never_cache
def action_participants(request, slug):
    """The count now, for the action's cached page to show (one query: the action and its sum)."""
    found = Action.objects.published().filter(slug=slug).with_participants().values_list("participants", flat=True)
    count = found.first()
    if count is None:
        raise Http404
    return JsonResponse({"participants": count})
