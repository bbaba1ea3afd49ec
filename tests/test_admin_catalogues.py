"""The admin in Russian and Kazakh beyond our own strings: Django's and the admin's packages' strings that
their own catalogues leave untranslated, from locale_upstream/ (docs/languages.md)."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from babel.messages.pofile import read_po
from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import StaffLanguage
from core import catalogs
from prisoners.admin import PrisonerAdmin
from prisoners.models import Status

from .factories import make_person
from .test_admin import change_url, submit_change
from .test_admin_language import shows

pytestmark = pytest.mark.django_db

UPSTREAM = settings.BASE_DIR / "locale_upstream"
DJANGO = Path(django.__file__).parent


class _Texts(HTMLParser):
    """What a reader sees or hears: text, and the attributes a screen reader or a tooltip reads out."""

    SPOKEN = {"title", "aria-label", "alt", "placeholder"}

    def __init__(self):
        super().__init__()
        self.texts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")
        self.texts += [" ".join(value.split()) for name, value in attrs if name in self.SPOKEN and value]
        if tag == "input" and dict(attrs).get("type") in ("submit", "button"):
            self.texts.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def seen(response):
    parser = _Texts()
    parser.feed(response.content.decode())
    return "\n".join(parser.texts)


def translated(response, language, strings, english):
    text = seen(response)
    return shows(response, language, strings) and not [s for s in english if s in text]


@pytest.fixture
def staff(client, campaigner, settings):
    """The campaigner, signed in with a second factor as the admin requires."""
    settings.ADMIN_REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=campaigner, name="Phone", confirmed=True)
    client.force_login(campaigner)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get("/admin/").status_code == 200
    return client


def in_language(client, user, language):
    StaffLanguage.objects.update_or_create(user=user, defaults={"language": language})
    return client


# Per page: strings from locale_upstream/ that must show, and the English they replace. Django's own Russian
# is complete, so on Django's pages the Russian checked is Django's (the English must be gone all the same);
# ours fills django-axes', django-otp's and django-auditlog's gaps in both languages.
INDEX = {
    "kk": (["Соңғы әрекеттер", "Менің әрекеттерім", "Сайтты ашу", "Кіру әрекеттері", "TOTP құрылғылары"],),
    "ru": (["Последние действия", "Открыть сайт", "Попытки доступа", "TOTP-устройства"],),
}
INDEX_ENGLISH = ["Recent actions", "My actions", "View site", "Access attempts", "TOTP devices", "Skip to main content"]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_index_names_django_s_and_the_packages_parts(staff, campaigner, language):
    page = in_language(staff, campaigner, language).get("/admin/")
    assert translated(page, language, INDEX[language][0], INDEX_ENGLISH)


PEOPLE = {
    "kk": ["Сүзгі", "Барлық сүзгілерді тазалау", "Сандарын көрсету", "2 ішінен 0 таңдалды", "Сұрыптау бағытын"],
    "ru": ["Фильтр", "Сбросить все фильтры", "Показать счётчики", "Выбрано 0 объектов из 2", "Сортировать в другом"],
}
# The English, and what Django's Kazakh had instead ("Сүзгіз", "0 of 2-ден 0 таңдалды").
PEOPLE_ENGLISH = ["Filter", "Clear all filters", "Show counts", "0 of 2 selected", "Toggle sorting", "Сүзгіз", "0 of"]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_filtered_sorted_list_of_several_pages(staff, campaigner, language, monkeypatch):
    monkeypatch.setattr(PrisonerAdmin, "list_per_page", 2)
    for _n in range(3):
        make_person(status=Status.DETAINED)
    page = in_language(staff, campaigner, language).get("/admin/prisoners/prisoner/?status__exact=detained&o=1")
    assert translated(page, language, PEOPLE[language], PEOPLE_ENGLISH)
    assert "?o=1&amp;p=2&amp;status__exact=detained" in page.content.decode()  # the second page


@pytest.mark.parametrize(
    ("language", "strings"),
    [
        ("kk", ["Төмендегі қатені түзетіңіз.", "Бұл өрісті толтыру міндетті."]),
        ("ru", ["Пожалуйста, исправьте ошибку ниже.", "Обязательное поле."]),
    ],
    ids=["kk", "ru"],
)
def test_a_form_with_an_error(staff, campaigner, language, strings):
    person = make_person()
    in_language(staff, campaigner, language)
    page = submit_change(staff, person, slug="")
    english = ["Please correct the error below.", "This field is required.", "Change selected", "Add another"]
    assert translated(page, language, strings, english)


AUDIT_LOG = {
    "kk": ["Қарау үшін журнал жазбасы таңдаңыз", "TOTP құрылғысы"],
    "ru": ["TOTP-устройство", "набор резервных кодов"],
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_audit_log_names_the_second_factors(staff, campaigner, language):
    StaticDevice.objects.create(user=campaigner, name="Recovery codes", confirmed=True)
    page = in_language(staff, campaigner, language).get("/admin/auditlog/logentry/")
    assert translated(page, language, AUDIT_LOG[language], ["Select log entry to view", "TOTP device", "static device"])


@pytest.mark.parametrize(("language", "created"), [("kk", "Құрылды: "), ("ru", "Создано: ")], ids=["kk", "ru"])
def test_an_audit_log_entry_says_what_happened(staff, campaigner, language, created):
    person = make_person(name="Erzhan Elshibayev")
    entry = LogEntry.objects.get_for_object(person).get(action=LogEntry.Action.CREATE)
    page = in_language(staff, campaigner, language).get(change_url(entry))
    assert translated(page, language, [f"{created}Erzhan Elshibayev"], ["Created Erzhan"])


ATTEMPTS = {
    "kk": ["Кіру әрекеттері", "Бұғатталған", "9 әрекет қалды", "Мерзімі өткен әрекеттерді тазалау", "Әрекет уақыты"],
    "ru": ["Попытки доступа", "Заблокирован", "9 — оставшиеся попытки", "Удалить просроченные попытки"],
}
ATTEMPTS_ENGLISH = ["Locked Out", "Attempt Remaining", "Clean up expired attempts", "Attempt Time", "Access attempts"]


def a_failed_sign_in():
    return AccessAttempt.objects.create(
        username="campaigner",
        ip_address="203.0.113.9",
        user_agent="curl",
        http_accept="*/*",
        path_info="/admin/login/",
        get_data="",
        post_data="",
        failures_since_start=1,
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_failed_sign_ins(staff, campaigner, language, settings):
    assert settings.AXES_FAILURE_LIMIT == 10
    a_failed_sign_in()
    page = in_language(staff, campaigner, language).get("/admin/axes/accessattempt/")
    assert translated(page, language, ATTEMPTS[language], ATTEMPTS_ENGLISH)


DEVICES = {
    "kk": ("otp_totp/totpdevice", ["TOTP құрылғылары", "Құрылған уақыты", "Соңғы қолданылған уақыты"]),
    "ru": ("otp_totp/totpdevice", ["TOTP-устройства", "Создано", "Последнее использование"]),
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_second_factors(staff, campaigner, language):
    staff = in_language(staff, campaigner, language)
    path, strings = DEVICES[language]
    english = ["TOTP devices", "Created at", "Last used at", "Name"]
    assert translated(staff.get(f"/admin/{path}/"), language, strings, english)
    codes = StaticDevice.objects.create(user=campaigner, name="Recovery codes", confirmed=True)
    detail = staff.get(f"/admin/otp_static/staticdevice/{codes.pk}/change/")
    help_text = {"kk": "Құрылғы қолдануға дайын ба?", "ru": "Готово ли устройство к использованию?"}[language]
    assert translated(detail, language, [help_text], ["Is this device ready for use?", "static device"])


def test_the_admin_s_javascript_speaks_kazakh(staff, campaigner):
    script = in_language(staff, campaigner, "kk").get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalog["Sunday"] == "Жексенбі" and catalog["Choose all %s"] == "Барлығын таңдау (%s)"
    assert catalog["%(sel)s of %(cnt)s selected"] == ["%(cnt)s ішінен %(sel)s таңдалды"] * 2  # the action bar


def test_a_browser_that_asks_for_english_still_gets_english(client, campaigner):
    """The upstream catalogues change nothing for an English reader."""
    a_failed_sign_in()
    client.force_login(campaigner)
    page = client.get("/admin/axes/accessattempt/", HTTP_ACCEPT_LANGUAGE="en")
    assert shows(page, "en", ["Access attempts", "Clean up expired attempts"])


# The catalogues themselves.

UPSTREAM_FILES = sorted(UPSTREAM.glob("*/LC_MESSAGES/*.po"))


def _read(path):
    with path.open("rb") as f:
        return read_po(f, locale=None)


def test_there_are_catalogues_for_both_languages():
    assert [f"{path.parents[1].name}/{path.name}" for path in UPSTREAM_FILES] == [
        "kk/django.po",
        "kk/djangojs.po",
        "ru/django.po",
    ]
    assert str(UPSTREAM) in map(str, settings.LOCALE_PATHS[1:])  # after ours: locale/ wins


@pytest.mark.parametrize("path", UPSTREAM_FILES, ids=lambda path: f"{path.parents[1].name}-{path.stem}")
def test_every_upstream_entry_is_translated_in_every_plural_form(path):
    catalog = _read(path)
    forms = {"kk": 2, "ru": 4}[path.parents[1].name]
    assert catalog.num_plurals == forms
    wrong = [
        message.id
        for message in catalog
        if message.id
        and (message.fuzzy or not all(_forms(message)) or (message.pluralizable and len(message.string) != forms))
    ]
    assert wrong == []


@pytest.mark.parametrize("path", UPSTREAM_FILES, ids=lambda path: f"{path.parents[1].name}-{path.stem}")
def test_upstream_translations_keep_every_placeholder(path):
    language, domain = path.parents[1].name, path.stem
    assert catalogs.format_errors(language, UPSTREAM, domain) == []
    changed = [
        message.id
        for message in _read(path)
        if "python-brace-format" in message.flags
        and any(_braces(string) != _braces(_singular(message.id)) for string in _forms(message))
    ]
    assert changed == []


def _braces(text):
    return sorted(re.findall(r"\{[^{}]*\}", text))


def _singular(msgid):
    return msgid if isinstance(msgid, str) else msgid[0]


def _forms(message):
    return message.string if message.pluralizable else [message.string]


def _key(message):
    return (message.context, _singular(message.id))


# Django's own Kazakh catalogues, as installed: a msgid counts as translated when any of them translates
# it (Django merges them into one catalogue per language) or locale_upstream does.
DJANGO_SOURCES = [
    ("contrib/admin", "django"),
    ("contrib/auth", "django"),
    ("contrib/contenttypes", "django"),
    ("contrib/sessions", "django"),
    ("conf", "django"),
    ("contrib/admin", "djangojs"),
]
INSTALLED = ["conf", "contrib/admin", "contrib/auth", "contrib/contenttypes", "contrib/sessions", "contrib/messages"]


def _translated_ids(paths):
    ids = set()
    for path in paths:
        if path.exists():
            ids |= {_key(m) for m in _read(path) if m.id and not m.fuzzy and all(_forms(m))}
    return ids


@pytest.mark.parametrize(("source", "domain"), DJANGO_SOURCES, ids=lambda value: value.replace("contrib/", ""))
def test_every_string_django_leaves_untranslated_in_kazakh_is_in_locale_upstream(source, domain):
    """Fails after a Django upgrade that adds strings: docs/languages.md says how to add them."""
    have = _translated_ids([DJANGO / d / "locale/kk/LC_MESSAGES" / f"{domain}.po" for d in INSTALLED])
    have |= _translated_ids([UPSTREAM / "kk/LC_MESSAGES" / f"{domain}.po"])
    english = _read(DJANGO / source / "locale/en/LC_MESSAGES" / f"{domain}.po")
    missing = [m.id for m in english if m.id and _key(m) not in have]
    assert missing == []
