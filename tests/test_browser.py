"""Real-browser tests: Playwright for Python driving Debian's chromium against a live server."""

import datetime
import os

import pytest

from actions.models import Participation
from actions.services import count_participation
from prisoners.models import Status
from reports.models import Report

from .conftest import PASSWORD
from .factories import make_action, make_demand, make_organisation, make_person, make_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def sign_in(page, base, username):
    """The admin's sign-in form, filled as a person would; returns at the first page after it."""
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.fixture
def browser(chromium_path):
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test are
    # still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_visitor_filters_the_list_and_opens_a_profile(live_server, phone):
    person = make_person(
        name="Erzhan Elshibayev",
        aliases=["Yerzhan Yelshibaev"],
        status=Status.IMPRISONED,
        arrested_on=datetime.date(2019, 6, 1),
        summary="Organiser of the unemployed.",
    )
    make_person(name="Natalia Sokolova", status=Status.RELEASED)
    make_demand(people=[person], title="Release Erzhan Elshibayev")

    phone.goto(f"{live_server.url}/prisoners/")
    assert phone.locator("h1").inner_text() == "People"
    phone.get_by_label("Name or alias").fill("yelshibaev")
    phone.get_by_label("Status").select_option("imprisoned")
    phone.get_by_role("button", name="Apply").click()
    phone.wait_for_url("**q=yelshibaev**")
    assert "status=imprisoned" in phone.url
    results = phone.locator(".cards h2")
    assert results.all_inner_texts() == ["Erzhan Elshibayev"]
    # The page fits a phone: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    results.get_by_role("link", name="Erzhan Elshibayev").click()
    phone.wait_for_url(f"**{person.get_absolute_url()}")
    assert phone.locator("h1").inner_text() == "Erzhan Elshibayev"
    assert "Convicted and imprisoned" in phone.locator(".status-line").inner_text()
    assert phone.get_by_role("link", name="Release Erzhan Elshibayev").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_campaigner_changes_a_status_in_the_admin_and_the_profile_shows_it(live_server, browser, campaigner):
    person = make_person(name="Yerlan Baltabai", status=Status.IMPRISONED)
    demand = make_demand(people=[person], title="Release Yerlan Baltabai", kind="release")
    source = make_source(title="Union statement on the release")
    page = browser.new_page()

    sign_in(page, live_server.url, "campaigner")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/prisoners/prisoner/{person.pk}/change/")
    page.locator("#id_status").select_option("released")
    page.get_by_label("When did this happen?").fill("2026-03-14")
    page.get_by_label("Date of the change known to").select_option("month")
    page.locator("#id_status_note").fill("Released after serving the sentence")
    page.locator("#id_status_source").select_option(str(source.pk))
    page.locator("input[name=_save]").first.click()  # the page has its buttons at the top too
    page.wait_for_url(f"{live_server.url}/admin/prisoners/prisoner/")
    messages = page.locator(".messagelist").inner_text()
    assert "was changed successfully" in messages
    # At the moment of release, the demands still open for them, each a link to update it.
    assert "Yerlan Baltabai is now Released. Check whether these need updating too" in messages
    page.get_by_role("link", name="Release Yerlan Baltabai").click()
    page.wait_for_url(f"{live_server.url}/admin/demands/demand/{demand.pk}/change/")

    page.goto(f"{live_server.url}{person.get_absolute_url()}")
    assert page.locator(".status-line").inner_text() == "Released"
    history = page.locator("#history-heading + .history").inner_text()
    assert "March 2026:" in history and "Convicted and imprisoned → Released" in history
    assert "Released after serving the sentence" in history and "Union statement on the release" in history
    page.close()


def test_campaigner_sets_up_two_factor_sign_in_and_keeps_the_recovery_codes(live_server, browser, campaigner, settings):
    from base64 import b32decode

    from django_otp.oath import totp

    settings.ADMIN_REQUIRE_2FA = True
    page = browser.new_page()
    sign_in(page, live_server.url, "campaigner")
    page.wait_for_url(f"{live_server.url}/admin/two-factor/enrol/")
    assert page.locator(".two-factor-qr svg").is_visible()

    # The phone's part: the key as typed into an authenticator app.
    key = b32decode(page.locator("#enrol-form").locator("xpath=preceding::code[1]").inner_text().replace(" ", ""))
    page.get_by_label("Code from the app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Confirm").click()
    assert page.locator(".recovery-codes li").count() == 10
    page.get_by_role("link", name="I have kept them: continue to the admin").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.get_by_role("link", name="Recovery codes", exact=True).is_visible()


def test_a_reader_on_a_phone_suggests_a_correction_from_a_profile(live_server, phone):
    make_person(name="Natalia Sokolova", slug="natalia-sokolova")
    phone.goto(f"{live_server.url}/prisoners/natalia-sokolova/")
    phone.get_by_role("link", name="Suggest a correction").click()
    assert phone.locator("h1").inner_text() == "Suggest a correction"
    # The honeypot is in the page for bots, but a person neither sees it nor tabs into it.
    assert not phone.get_by_label("Leave this empty").is_visible()
    phone.get_by_label("What is wrong, and what is right").fill("She was released in 2016, not 2015.")
    phone.get_by_role("button", name="Send the correction").click()
    assert phone.locator("h1").inner_text() == "Thank you: we have it"
    reference = phone.locator("#reference").inner_text()
    assert Report.objects.get(reference=reference).person.slug == "natalia-sokolova"


def test_the_api_docs_page_works_under_the_strict_content_security_policy(live_server, browser):
    page = browser.new_page()
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=15000)
    assert page.locator(".swagger-ui .opblock").count() >= 5  # the people, demands, campaigns and key dates paths
    assert violations == []
    page.close()


def test_a_reader_on_a_phone_sees_the_statistics_charts_and_tables(live_server, phone):
    ministry = make_organisation(name="Ministry of Internal Affairs of the Republic of Kazakhstan")
    make_person(status=Status.IMPRISONED, arrested_on=datetime.date(2011, 12, 20))
    make_person(status=Status.RELEASED, arrested_on=datetime.date(2012, 1, 5), released_on=datetime.date(2016, 3, 1))
    make_person(status=Status.DETAINED)
    make_demand(addressees=[ministry])

    console = []
    phone.on("console", lambda message: console.append(message.text))
    phone.goto(f"{live_server.url}/statistics/")
    assert phone.locator("h1").inner_text() == "Statistics"
    for chart in ("#chart-people", "#chart-custody", "#chart-addressees", "#chart-updates"):
        assert phone.locator(chart).is_visible()
    custody = phone.get_by_role("table", name="People held at the end of each year, and today")
    assert custody.is_visible() and custody.get_by_role("rowheader").count() > 5
    assert phone.get_by_role("img", name="People held over time").is_visible()
    # The page fits a phone: nothing wider than the screen, the charts included.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.evaluate("window.innerWidth") == 390
    rights = phone.evaluate("[...document.querySelectorAll('main *')].map(e => e.getBoundingClientRect().right)")
    assert rights and max(rights) <= 390
    # The tables fit too: none needs its scroll box on a phone.
    assert phone.evaluate(
        "[...document.querySelectorAll('.table-scroll')].every(box => box.scrollWidth <= box.clientWidth)"
    )
    assert not [text for text in console if "Content Security Policy" in text]


def test_a_reader_in_almaty_lands_in_kazakh_and_switches_to_english_on_the_same_page(live_server, browser):
    person = make_person(name="Erzhan Elshibayev", status=Status.IMPRISONED)
    context = browser.new_context(locale="kk-KZ", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{person.get_absolute_url()}")
    page.wait_for_url(f"{live_server.url}/kk{person.get_absolute_url()}")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert page.get_by_role("link", name="Адамдар").is_visible()  # "People", in Kazakh

    page.get_by_label("Тіл").select_option("en")
    page.get_by_role("button", name="Ауыстыру").click()
    page.wait_for_url(f"{live_server.url}{person.get_absolute_url()}")
    assert page.locator("html").get_attribute("lang") == "en"
    # The choice sticks: the English address is no longer sent to Kazakh.
    page.goto(f"{live_server.url}/prisoners/")
    assert page.url == f"{live_server.url}/prisoners/" and page.locator("h1").inner_text() == "People"
    context.close()


def test_a_reader_in_almaty_sees_dates_as_precisely_as_the_sources_give_them(live_server, phone):
    make_person(
        name="Natalia Sokolova",
        slug="natalia-sokolova",
        status=Status.IMPRISONED,
        arrested_on=datetime.date(2011, 4, 1),
        arrested_on_precision="month",
    )
    phone.goto(f"{live_server.url}/kk/prisoners/natalia-sokolova/")
    facts = phone.locator(".facts").inner_text()
    assert "2011 ж. сәуір" in facts and "2011-04-01" not in phone.content()
    # Days in detention from the end of April 2011: never more than the sources allow.
    assert phone.locator("#days-detained").inner_text().startswith("Қамауда кемінде")


def test_a_reader_in_russian_copies_the_message_and_is_counted_when_they_did_it(live_server, browser, settings):
    from playwright.sync_api import expect

    settings.PUBLIC_PAGE_CACHE_SECONDS = 600  # the page as most visitors get it: a cached copy
    today = datetime.date.today()
    action = make_action(
        slug="write-to-the-prosecutor",
        starts_on=today - datetime.timedelta(days=1),
        deadline=today + datetime.timedelta(days=7),
    )
    count_participation(action, "ru", Participation.Channel.VISITOR)
    context = browser.new_context(locale="ru-RU", timezone_id="Europe/Berlin")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    address = f"{live_server.url}/ru/actions/write-to-the-prosecutor/"
    page.goto(address)
    assert page.locator("h1").inner_text() == action.title_ru
    # Someone took part since the page was cached: the page's script shows the count as it is now.
    count_participation(action, "kk", Participation.Channel.VISITOR)
    served = page.goto(address).text()
    assert 'participants.json">1</span>' in served  # the cached copy, as rendered
    expect(page.locator("#participants")).to_have_text("2")  # waits, without eval (the CSP forbids it)
    # The deadline in the reader's own time too (Berlin is four hours behind Almaty).
    assert page.locator(".local-time").is_visible() and page.locator(".local-time").inner_text()

    page.locator("button[data-copy]").click()
    expect(page.locator("#copy-status")).not_to_be_empty()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "Независимое расследование\n\nУважаемый Генеральный прокурор!\n\nПрошу вас начать независимое расследование."
    )

    page.locator("form[action$='/done/'] button").click()
    page.wait_for_url("**/ru/actions/write-to-the-prosecutor/thanks/")
    assert "3" in page.locator("#took-part").inner_text()
    assert not [text for text in console if "Content Security Policy" in text]
    context.close()
