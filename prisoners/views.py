from functools import partial

from django.conf import settings
from django.contrib import admin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core.cards import CardText, card_in_language
from core.client_ip import over_limit
from core.gone import public_or_gone
from core.listing import filtered_page
from core.site import absolute_url

from .filters import PrisonerFilter
from .models import PHOTO_DIR, Prisoner


def prisoner_list(request):
    # The sentences for the expected release.
    people = Prisoner.objects.published().in_brief().select_related("affiliation").with_public("sentences")
    # Counted only here, past the page cache: a search already made since the record changed costs
    # nothing and is not counted; new words each cost a search of the index.
    if request.GET.get("q") and over_limit(request, "search", settings.SEARCH_RATE_PER_IP):
        filterset, page, _status = filtered_page(request, PrisonerFilter, people.none())
        limited = _("Too many searches from this connection. Please wait a minute and try again.")
        return render(
            request, "prisoners/list.html", {"filter": filterset, "page": page, "limited": limited}, status=429
        )
    filterset, page, status = filtered_page(request, PrisonerFilter, people, total=Prisoner.objects.public_count)
    return render(request, "prisoners/list.html", {"filter": filterset, "page": page}, status=status)


def prisoner_detail(request, slug):
    # Every public relation, including those registered by the apps above (demands, key dates).
    people = Prisoner.objects.published().at_public_address(slug)
    person = public_or_gone(
        people.select_related("affiliation").with_public(),
        "person",
        slug,
        hidden=partial(Prisoner.objects.hidden_at, slug),
    )
    card = absolute_url(reverse("prisoners:card", args=[person.slug]))
    return render(request, "prisoners/detail.html", {"person": person, "card_url": card})


def card_text(person):
    """What a person's share card says: their public face's name (initials when anonymised) and status."""
    return CardText(title=person.name, status=person.get_status_display(), site=_("Zhanaozen tracker"))


def prisoner_card(request, slug):
    """The share card, only at the person's public address: an anonymised person's card is at
    "anonymous-<id>" and shows initials; their real slug, a draft or a withdrawal lead nowhere."""
    person = get_object_or_404(Prisoner.objects.published().at_public_address(slug))
    # In the address's language (/ru/... is Russian): one picture for every visitor to that address.
    return card_in_language(lambda: card_text(person))


def photo(request, name):
    """A photo, only while its person is published and named (staff see every current photo).

    Photos are served here, never straight from disk by the proxy: a person who is unpublished,
    anonymised or withdrawn must not stay reachable at an address that was once shared, and a
    cleared or replaced photo's address must lead nowhere (django-cleanup removes the file too).
    """
    # Staff as the admin counts them: with the second factor when it is required, not a password alone.
    staff = admin.site.has_permission(request)
    people = Prisoner.objects.all() if staff else Prisoner.objects.showing_photo()
    person = get_object_or_404(people, photo=f"{PHOTO_DIR}/{name}")
    try:
        response = FileResponse(person.photo.open("rb"))
    except FileNotFoundError:
        raise Http404 from None
    # Short, so that a withdrawal takes effect in shared caches soon; private for staff's drafts.
    patch_cache_control(response, max_age=300, **({"private": True} if staff else {"public": True}))
    return response
