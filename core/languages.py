"""Which language a reader gets: the address says it (/ru/, /kk/, none for English); a first visit
follows the browser.

A reader on an English address is sent to the same page in Russian or Kazakh when they chose that
language in the switcher (a cookie, Django's set_language) or, never having chosen, when their browser
prefers it. Choosing English keeps them on the English addresses. The choice is never read on /ru/ or
/kk/ addresses: a shared link shows the language it was shared in.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path, get_language_from_request
from django.views.i18n import set_language


def in_every_language(field):
    """The columns of a translated field, one per language (django-modeltranslation's name_en, ...)."""
    return [f"{field}_{code}" for code, _name in settings.LANGUAGES]


def columns_of(record, field):
    """The loaded columns holding `field`'s text: each language's and the plain one, or just the plain
    one for a field that is not translated. Written through __dict__, as the translated field's
    attribute reads and writes only the active language's column."""
    return [column for column in (*in_every_language(field), field) if column in record.__dict__]


@dataclass(frozen=True)
class Translated:
    """A record's translated field in every language, put into words where it is shown: in the language
    active there, else the English it falls back to (modeltranslation's rule for the record).

    For text computed once and shown in several languages: a reminder's occasion is computed once per
    tick, in the worker's language, and rendered once per reader's language. Reading `record.title`
    there would fix the worker's language for every reader.
    """

    texts: tuple  # ((language, text), ...) for every language of the site

    @classmethod
    def of(cls, record, field):
        """Read from the columns as loaded, never from the database: a person's public face has replaced
        every language's loaded columns (initials for an anonymised name), and a deferred column would
        come back as written. One not loaded is an error (KeyError), not a query."""
        return cls(tuple((code, record.__dict__[f"{field}_{code}"] or "") for code, _name in settings.LANGUAGES))

    def __str__(self):
        texts = dict(self.texts)
        return texts.get(translation.get_language()) or texts[settings.LANGUAGE_CODE]

    def __bool__(self):
        return bool(str(self))


def reading_order(field):
    """Sorts by `field` as the reader sees it: in their language, or the English it falls back to.
    (Ordering by "name" alone sorts by the active language's column, where an untranslated record
    is NULL.)"""
    here = f"{field}_{translation.get_language() or settings.LANGUAGE_CODE}"
    english = f"{field}_{settings.LANGUAGE_CODE}"
    return Coalesce(NullIf(F(here), Value("")), F(english)).asc() if here != english else F(english).asc()


def path_in(language, path):
    """The address, in `language`, of the page whose English address is `path` (links in emails)."""
    # translate_url resolves in the active language, and English addresses resolve only in English.
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language)


def alternates(path):
    """[(language, path)] of the same page in every language, or [] where the page has one address."""
    paths = [(code, translate_url(path, code)) for code, _name in settings.LANGUAGES]
    return paths if len({p for _code, p in paths}) == len(paths) else []


def language_alternates(request):
    """Context processor: hreflang alternates for the page's <head>."""
    found = alternates(request.path)
    default = dict(found).get(settings.LANGUAGE_CODE)
    return {"LANGUAGE_ALTERNATES": found, "LANGUAGE_X_DEFAULT": default}


def never_redirected(view):
    """Marks a view whose address alone says its language, for a browser too: a file that spreadsheets
    and scripts fetch by its English address (an export) keeps answering English, whatever the
    browser they run in prefers. A Russian page links to the Russian address itself."""
    view.never_redirected = True
    return view


def _never_redirected(request):
    try:
        return getattr(resolve(request.path_info).func, "never_redirected", False)
    except Resolver404:
        return False


class FirstVisitLanguageMiddleware:
    """After LocaleMiddleware, before the page cache: a cached English page is never served to a
    reader who asked for Russian or Kazakh."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        unprefixed = get_language_from_path(request.path_info) is None
        # Only a page a browser navigates to (Accept: text/html): a share card, a feed or a calendar
        # fetched by a program stays what its address says.
        if unprefixed and request.method in ("GET", "HEAD") and "text/html" in request.headers.get("Accept", ""):
            preferred = get_language_from_request(request)  # the reader's choice (cookie), else the browser's
            if (
                preferred != settings.LANGUAGE_CODE
                and not _never_redirected(request)
                and (there := _same_page_in(request, preferred))
            ):
                response = HttpResponseRedirect(there)
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        if unprefixed:
            # What an English address answers depends on the cookie and the browser's languages.
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def _same_page_in(request, language):
    """The address of the requested page in `language`, or None. Built from the path alone and kept
    on this site: "//evil.example/prisoners/" is a path to Django but a host to a browser, and
    translate_url() would turn it into "//evil.example/ru/prisoners/"."""
    path = request.path
    there = translate_url(path, language)
    if there == path or not there.startswith("/") or there.startswith(("//", "/\\")):
        return None
    if not url_has_allowed_host_and_scheme(there, allowed_hosts=None):
        return None
    query = request.META.get("QUERY_STRING", "")
    return f"{there}?{query}" if query else there


def switch_language(request):
    """Django's set_language, taking the reader to the same page in the chosen language.

    set_language translates `next` with translate_url(), which resolves it in the active language; the
    switcher's request itself has no prefix, so without this a Russian page's address would not resolve
    and the reader would stay on the Russian page after choosing English.
    """
    page_language = get_language_from_path(urlsplit(request.POST.get("next", "")).path)
    with translation.override(page_language or settings.LANGUAGE_CODE):
        return set_language(request)
