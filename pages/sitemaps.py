"""The sitemap: an index (`/sitemap.xml`) of pages of at most 50,000 addresses each, every public page
in every language with its alternates (hreflang) and the English page as x-default.

Written without Django's sitemap framework, which resolves every address once per language and per
alternate (twelve reversals a person): here each section's address is reversed once, with a
placeholder, and each record's is made from it, so a page of 50,000 addresses costs one query and
string formatting, and the index one count per section, however large the record.
"""

import math
from html import escape

from django.conf import settings
from django.db.models.functions import TruncDate
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import override

from actions.models import Action
from core.models import Campaign
from core.site import absolute_url
from demands.models import Demand
from prisoners.models import Prisoner

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The site's own pages, by route name.
OVERVIEW_PAGES = [
    "home",
    "prisoners:list",
    "demands:list",
    "actions:list",
    "calendar",
    "statistics",
    "accountability:index",
    "write",
]
PER_PAGE = 50_000 // len(LANGUAGES)  # records a page: each is one address per language
PLACEHOLDER = "0placeholder0"


SECTIONS = {
    "pages": None,
    "campaigns": (Campaign, "campaigns:detail"),
    "people": (Prisoner, "prisoners:detail"),
    "demands": (Demand, "demands:detail"),
    "actions": (Action, "actions:detail"),
}


def _records(section):
    """(address, day last changed) of each public record of the section, in a stable order."""
    model, _route = SECTIONS[section]
    if model is Prisoner:
        # The public face's address: an anonymised person is at "anonymous-<id>", never their name.
        return Prisoner.objects.published().public_addresses()
    return model.objects.published().order_by("pk").values_list("slug", TruncDate("updated_at"))


def _in_language(path, language):
    """The page's address in `language` (English pages have no prefix, as config/urls.py has it)."""
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def _entry(path, lastmod=None):
    """The page in every language, each naming all of them: one escaping per address, not per mention."""
    links = {code: escape(absolute_url(_in_language(path, code))) for code in LANGUAGES}
    alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{code}" href="{links[code]}"/>' for code in LANGUAGES)
    alternates += f'<xhtml:link rel="alternate" hreflang="x-default" href="{links[settings.LANGUAGE_CODE]}"/>'
    modified = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
    return "".join(f"<url><loc>{links[code]}</loc>{modified}{alternates}</url>" for code in LANGUAGES)


def _pages_of(section):
    if SECTIONS[section] is None:
        return 1
    return max(1, math.ceil(_records(section).count() / PER_PAGE))


def index(request):
    sitemaps = "".join(
        f"<sitemap><loc>{escape(absolute_url(reverse('sitemap_section', args=[section, page])))}</loc></sitemap>"
        for section in SECTIONS
        for page in range(1, _pages_of(section) + 1)
    )
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{XMLNS}">{sitemaps}</sitemapindex>\n'
    return HttpResponse(body, content_type="application/xml")


def section(request, section, page):
    if section not in SECTIONS or page < 1:
        raise Http404
    with override(settings.LANGUAGE_CODE):
        if SECTIONS[section] is None:
            if page != 1:
                raise Http404
            urls = "".join(_entry(reverse(name)) for name in OVERVIEW_PAGES)
        else:
            _model, route = SECTIONS[section]
            template = reverse(route, args=[PLACEHOLDER])
            records = list(_records(section)[(page - 1) * PER_PAGE : page * PER_PAGE])
            if not records and page > 1:
                raise Http404
            urls = "".join(_entry(template.replace(PLACEHOLDER, address), day) for address, day in records)
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{XMLNS}" xmlns:xhtml="{XHTML}">{urls}</urlset>\n'
    return HttpResponse(body, content_type="application/xml")


XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
