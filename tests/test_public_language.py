"""A Russian or a Kazakh reader sees no English interface on any public page.

Every page is fetched under its /ru/ or /kk/ address, with records whose own text is in Cyrillic (so
that what is left in Latin letters can only be the interface), and its visible text is read: text
nodes and the attributes a reader sees or hears (title, alt, placeholder, aria-label, button values,
the description). Latin words are counted outside elements marked `lang="en"` (the language names in
the switcher). The count must be zero.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from core.models import Campaign, Source
from demands.models import Demand
from demo.loader import load_demo
from prisoners.models import Prisoner, Status

from .factories import (
    make_campaign,
    make_demand,
    make_event,
    make_key_date,
    make_organisation,
    make_person,
    make_sentence,
)

# Written in Latin letters in every language: file formats and standards, and the site's host name.
LATIN_EVERYWHERE = {"CSV", "JSON", "API", "iCal", "Atom", "PNG"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{2,}")
ADDRESSES = re.compile(r"\S+@\S+|https?://\S+")  # email and web addresses are not words of a language
VOICED_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}
SILENT_ELEMENTS = {"script", "style", "template"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang, silent)
        self.pieces = []  # (lang, text)

    def _lang(self):
        return self.stack[-1][1] if self.stack else ""

    def _silent(self):
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self._lang()) or ""
        silent = self._silent() or tag in SILENT_ELEMENTS or (tag == "meta" and attrs.get("name") != "description")
        if not silent:
            for name in VOICED_ATTRIBUTES & attrs.keys():
                self.pieces.append((lang, attrs[name] or ""))
            if tag == "meta" and attrs.get("content"):
                self.pieces.append((lang, attrs["content"]))
            if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
                self.pieces.append((lang, attrs["value"]))
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, lang, silent))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self._silent() and data.strip():
            self.pieces.append((self._lang(), data))


def english_words(html):
    parser = VisibleText()
    parser.feed(html)
    return [
        (word, text.strip()[:80])
        for lang, text in parser.pieces
        if not lang.startswith("en")
        for word in LATIN_WORD.findall(ADDRESSES.sub(" ", text))
        if word not in LATIN_EVERYWHERE
    ]


@pytest.fixture
def pages(db):
    """Every kind of public page, about records written in Cyrillic."""
    campaign = make_campaign(name="Жаңаөзенге әділдік", slug="justice", summary="Әділдік талабы.")
    organisation = make_organisation(name="Қазақстан үкіметі", slug="government")
    source = Source.objects.create(title="Баяндама", url="https://example.org/r")
    person = make_person(
        name="Ержан Елшібаев",
        slug="erzhan",
        status=Status.IMPRISONED,
        campaign=campaign,
        arrested_on=datetime.date(2019, 6, 1),
        summary="Жұмыссыздар одағын ұйымдастырушы.",
        occupation="Ұйымдастырушы",
        region="Маңғыстау",
        country="Қазақстан",
        facility="Түзеу мекемесі",
        postal_address="Маңғыстау, пошта жәшігі 1",
    )
    person.sources.add(source)
    make_sentence(person, years=5)
    make_event(person, title="Қамауға алынды", date=datetime.date(2019, 6, 1), sources=[source])
    demand = make_demand(
        campaign=campaign,
        people=[person],
        addressees=[organisation],
        title="Тәуелсіз тергеу",
        slug="inquiry",
        summary="Халықаралық комиссия.",
    )
    make_key_date(campaign=campaign, title="Жылдық", place="Жаңаөзен")
    return [
        "home",
        "calendar",
        "statistics",
        "write",
        "prisoners:list",
        ("prisoners:list", "?q=Ержан"),
        ("prisoners:detail", person.slug),
        "demands:list",
        ("demands:detail", demand.slug),
        ("campaigns:detail", campaign.slug),
        "accountability:index",
        "subscribe",
        "subscription_sent",
        "report_case",
        ("correct_person", person.slug),
        ("correct_demand", demand.slug),
    ]


def address(page):
    if isinstance(page, str):
        return reverse(page)
    name, arg = page
    return reverse(name) + arg if arg.startswith("?") else reverse(name, args=[arg])


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_no_english_interface_on_any_public_page(pages, client, language):
    with translation.override(language):
        urls = [address(page) for page in pages]
    found = {}
    for url in urls:
        assert url.startswith(f"/{language}/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        if words := english_words(response.content.decode()):
            found[url] = words
    report = "\n".join(f"{url}: {words[:8]}" for url, words in found.items())
    assert sum(len(w) for w in found.values()) == 0, f"English on {language} pages:\n{report}"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_page_not_found_is_in_the_readers_language(client, db, language):
    response = client.get(f"/{language}/prisoners/nobody/")
    assert response.status_code == 404 and english_words(response.content.decode()) == []


def test_the_counter_sees_english_and_ignores_what_is_marked_english():
    html = (
        '<html lang="ru"><head><title>Люди</title><script>var x = "English";</script></head>'
        '<body><p>Где он сейчас</p><p lang="en">Source title</p><img alt="Photo of him">'
        "<p>Download CSV</p></body></html>"
    )
    assert [w for w, _ in english_words(html)] == ["Photo", "him", "Download"]


# Proper names the demo keeps as they are written, having no Russian or Kazakh form: a blog's and a
# company's (the "proper names that have no translation").
UNTRANSLATED_NAMES = re.compile(r"People and Nature|Oil Construction Company")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_demo_reads_entirely_in_the_readers_language(client, db, language):
    load_demo()
    with translation.override(language):
        urls = [
            "/",
            reverse("calendar"),
            reverse("statistics"),
            reverse("write"),
            reverse("prisoners:list"),
            reverse("demands:list"),
            reverse("accountability:index"),
        ]
        urls += [person.get_absolute_url() for person in Prisoner.objects.published()]
        urls += [demand.get_absolute_url() for demand in Demand.objects.published()]
        urls += [campaign.get_absolute_url() for campaign in Campaign.objects.published()]
    found, fallbacks = {}, []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = UNTRANSLATED_NAMES.sub("", response.content.decode())
        if words := english_words(html):
            found[url] = words
        if 'class="untranslated"' in html:
            fallbacks.append(url)
    report = "\n".join(f"{url}: {words[:8]}" for url, words in found.items())
    assert not found, f"English on {language} pages:\n{report}"
    assert not fallbacks, f"Text shown in English for want of a translation on: {fallbacks}"
