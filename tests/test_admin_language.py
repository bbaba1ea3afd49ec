"""The admin in the staff member's language: their choice, else their browser's; public pages unchanged."""

import datetime

import pytest
from django.test import Client

from accounts.models import StaffLanguage, browser_language

from .factories import make_person
from .test_admin import change_url

pytestmark = pytest.mark.django_db
PAGE = "text/html,application/xhtml+xml,*/*;q=0.8"

# Django's own strings, and ours from locale/, as the admin shows them in each language.
INDEX = {
    "ru": ("Добро пожаловать,", "Поддерживайте базу в актуальном состоянии"),
    "kk": ("Қош келдіңіз,", "Жазбаларды өзекті күйде ұстаңыз"),
    "en": ("Welcome,", "Keep the record up to date"),
}
CHANGE_FORM = {
    "ru": ("Сохранить и продолжить редактирование", "Почему изменился статус, по-русски (публично)"),
    "kk": ("Сақта және өзгертуді жалғастыр", "Мәртебе неге өзгерді, орыс тілінде (жария)"),
    "en": ("Save and continue editing", "Why the status changed, in Russian (public)"),
}


def shows(response, language, strings):
    page = response.content.decode()
    return response.status_code == 200 and f'<html lang="{language}"' in page and all(s in page for s in strings)


@pytest.mark.parametrize(
    ("browser", "language"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("kk-KZ,kk;q=0.9", "kk"),
        ("de-DE,ru;q=0.5", "ru"),
        ("de-DE", "en"),
        ("", "en"),
    ],
)
def test_the_admin_follows_the_browser(editor_client, browser, language):
    person = make_person(name="Erzhan Elshibayev")
    assert shows(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=browser), language, INDEX[language])
    change_form = editor_client.get(change_url(person), HTTP_ACCEPT_LANGUAGE=browser)
    assert shows(change_form, language, CHANGE_FORM[language])
    assert change_form["Content-Language"] == language


def test_the_sign_in_follows_the_browser(client):
    assert shows(client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ru"), "ru", ["Войти"])
    assert shows(client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="kk"), "kk", ["Кіру"])


def test_the_two_factor_sign_in_follows_the_browser(client, settings):
    settings.ADMIN_REQUIRE_2FA = True
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="kk")
    assert shows(page, "kk", ["Аутентификатор қолданбасындағы алты сан немесе қалпына келтіру кодтарының бірі."])


def test_a_staff_member_chooses_their_language_and_it_beats_the_browser(editor_client, editor):
    index = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'href="/admin/language/"' in index  # on every page, beside "Log out"
    form = editor_client.get("/admin/language/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    # Each language named in itself, for someone who cannot read the one the page is in.
    assert all(name in form for name in ("English", "Русский", "Қазақ тілі"))

    assert editor_client.post("/admin/language/", {"language": "kk"}).status_code == 302
    assert StaffLanguage.objects.get(user=editor).language == "kk"
    assert shows(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru"), "kk", INDEX["kk"])
    person = make_person()
    assert shows(editor_client.get(change_url(person), HTTP_ACCEPT_LANGUAGE="en"), "kk", CHANGE_FORM["kk"])

    # Back to the browser's.
    editor_client.post("/admin/language/", {"language": ""})
    assert shows(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru"), "ru", INDEX["ru"])


def test_the_choice_is_each_staff_member_s_own(editor_client, editor, campaigner):
    editor_client.post("/admin/language/", {"language": "kk"})
    other = Client()
    other.force_login(campaigner)
    assert shows(other.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru"), "ru", INDEX["ru"])
    assert not StaffLanguage.objects.filter(user=campaigner).exists()


def test_a_language_the_site_does_not_speak_is_refused(editor_client, editor):
    assert editor_client.post("/admin/language/", {"language": "de"}).status_code == 200
    assert not StaffLanguage.objects.filter(user=editor).exists()


def test_only_staff_reach_the_language_page(client):
    assert client.get("/admin/language/").status_code == 302  # to the sign-in


@pytest.mark.parametrize(
    ("header", "language"),
    [("ru", "ru"), ("en-GB,en;q=0.9,ru;q=0.8", "en"), ("fr;q=0.9,kk;q=0.5", "kk"), ("*", "en"), ("garbage;;", "en")],
)
def test_browser_language(header, language):
    assert browser_language(header) == language


# Public pages: as tests/test_languages.py has them, whoever reads them and whatever they chose in the admin.


@pytest.fixture
def person():
    return make_person(name="Erzhan Elshibayev", slug="erzhan-elshibayev", arrested_on=datetime.date(2019, 12, 16))


@pytest.mark.parametrize("chosen", [None, "kk"])
def test_a_public_english_address_stays_english_for_a_russian_browser(editor_client, person, chosen):
    if chosen:
        editor_client.post("/admin/language/", {"language": chosen})
    # Fetched by a program (no Accept: text/html), as today: the English page, in English.
    response = editor_client.get("/prisoners/erzhan-elshibayev/", HTTP_ACCEPT_LANGUAGE="ru", HTTP_ACCEPT="*/*")
    assert shows(response, "en", ["16 December 2019"])
    assert response["Content-Language"] == "en"
    # Opened by a browser, as today: sent to the Russian page, which is in Russian.
    response = editor_client.get("/prisoners/erzhan-elshibayev/", HTTP_ACCEPT_LANGUAGE="ru", HTTP_ACCEPT=PAGE)
    assert response.status_code == 302 and response["Location"] == "/ru/prisoners/erzhan-elshibayev/"
    assert shows(editor_client.get("/kk/prisoners/erzhan-elshibayev/", HTTP_ACCEPT_LANGUAGE="ru"), "kk", [])
