"""The admin as an editor meets it: a person's page in the order of the everyday job, names that say
their script and language, help that points the right way, lists that fit a laptop's screen."""

import datetime
import os
import re
from html import unescape

import pytest
from modeltranslation.translator import translator

from prisoners.admin import ADD_LAYOUT, CHANGE_LAYOUT, PrisonerAdmin
from prisoners.models import Charge, Prisoner, Status

from .admin_forms import admin_form_data
from .factories import cited_source, make_campaign, make_demand, make_event, make_person, make_sentence
from .test_admin import change_url

pytestmark = pytest.mark.django_db

# The person's page, top to bottom: its fieldsets and, among them, its inlines.
CHANGE_PAGE = [
    "Status",
    "Status history",
    "Name and photo",
    "Address of the page, and the name as the person writes it",
    "Aliases and transliterations",
    "Detention",
    "Background",
    "Charges",
    "Sentences",
    "Timeline events",
    "Publishing",
    "Summary and biography",
    "Private: never shown publicly",
]
FOLDED = {
    "Status history",
    "Address of the page, and the name as the person writes it",
    "Summary and biography",
    "Private: never shown publicly",
}

# Every field the person's form had before it was rearranged, each language's column by name.
FORM_BEFORE = [
    *("name_en", "name_ru", "name_kk", "namesake_confirmed", "slug", "native_name"),
    *("summary_en", "summary_ru", "summary_kk", "biography_en", "biography_ru", "biography_kk"),
    *("photo", "photo_credit", "status", "status_happened_on", "status_happened_on_precision"),
    *("status_note", "status_note_ru", "status_note_kk", "status_staff_note"),
    *("status_source", "status_source_url", "status_grade"),
    *("arrested_on", "arrested_on_precision", "released_on", "released_on_precision"),
    *("died_on", "died_on_precision", "facility", "postal_address"),
    *("country_en", "country_ru", "country_kk", "region_en", "region_ru", "region_kk"),
    *("occupation_en", "occupation_ru", "occupation_kk", "affiliation", "campaigns", "sources"),
    *("family_contacts", "lawyer_contacts", "consent_notes", "internal_notes"),
    *("visibility", "consent", "archive_reason", "reminders_paused"),
]
INLINES_BEFORE = [
    *("aliases-0-name", "aliases-0-kind", "aliases-0-namesake_confirmed"),
    *("charges-0-article", "charges-0-description_en", "charges-0-description_ru", "charges-0-description_kk"),
    *("charges-0-charged_on", "charges-0-charged_on_precision", "charges-0-sources"),
    *("sentences-0-kind", "sentences-0-years", "sentences-0-months", "sentences-0-days"),
    *("sentences-0-handed_down_on", "sentences-0-handed_down_on_precision", "sentences-0-court"),
    *("sentences-0-starts_on", "sentences-0-ends_on", "sentences-0-sources"),
    *("events-0-date", "events-0-date_precision", "events-0-kind", "events-0-grade", "events-0-is_public"),
    *("events-0-title_en", "events-0-title_ru", "events-0-title_kk"),
    *("events-0-description_en", "events-0-description_ru", "events-0-description_kk", "events-0-sources"),
]


def a_full_record():
    """A person with something in every part of the page."""
    person = make_person(
        name="Erzhan Elshibayev",
        aliases=["Yerzhan Yelshibaev"],
        status=Status.IMPRISONED,
        arrested_on=datetime.date(2019, 6, 1),
        summary="Organiser of the unemployed.",
        biography="In 2019 young people in Zhanaozen began demonstrating for jobs.",
        internal_notes="Family asked us to wait before publishing the photo.",
        campaign=make_campaign(name="Justice for Zhanaozen"),
    )
    charge = Charge.objects.create(prisoner=person, description="Hooliganism", article="293")
    charge.sources.set([cited_source()])
    make_sentence(person, years=5)
    make_event(person, title="Charged and arrested")
    return person


def headings(page):
    """The fieldsets' and inlines' headings, in the page's order, each with whether it is folded."""
    found = re.finditer(
        r'(<details><summary>\s*)?<h2[^>]*class="(?:fieldset|inline)-heading"[^>]*>(.*?)</h2>', page, re.S
    )
    return [(" ".join(unescape(match[2]).split()), bool(match[1])) for match in found]


def test_a_person_s_page_opens_with_the_status_and_keeps_the_long_texts_and_private_notes_folded(editor_client):
    page = editor_client.get(change_url(a_full_record())).content.decode()
    assert headings(page) == [(heading, heading in FOLDED) for heading in CHANGE_PAGE]
    # The status and the form for its change before the name, the facts and the biography.
    order = ["id_status", "id_status_happened_on", "id_status_source", "id_status_note", "id_name_en"]
    order += ["id_arrested_on", "id_charges-0-description_en", "id_biography_en", "id_internal_notes"]
    positions = [page.index(f'id="{field_id}"') for field_id in order]
    assert positions == sorted(positions)
    # The long texts and the private notes are inside their folded sections, and can be saved from the top.
    for heading, field_id in (("Summary and biography", "id_biography_ru"), ("Private: never", "id_internal_notes")):
        folded = page[page.index(f'-heading">{heading}') :]
        assert folded.index(f'id="{field_id}"') < folded.index("</details>")
    assert page.count('name="_save"') == 2


def test_a_new_person_s_page_starts_with_the_name(editor_client):
    page = editor_client.get("/admin/prisoners/prisoner/add/").content.decode()
    assert [heading for heading, _folded in headings(page)][:4] == [
        "Name and photo",
        "Address of the page, and the name as the person writes it",
        "Aliases and transliterations",
        "Status",
    ]


def test_a_folded_section_opens_on_its_own_error(editor_client):
    person = make_person()
    data = admin_form_data(editor_client.get(change_url(person)))
    data["biography_en"] = "An [[unclosed mark"
    response = editor_client.post(change_url(person), data)
    assert response.status_code == 200 and "biography_en" in response.context["adminform"].form.errors
    assert ("Summary and biography", False) in headings(response.content.decode())
    assert ("Private: never shown publicly", True) in headings(response.content.decode())


def test_every_field_of_the_person_s_form_is_still_on_it(editor_client):
    page = editor_client.get(change_url(a_full_record())).content.decode()
    missing = [name for name in [*FORM_BEFORE, *INLINES_BEFORE] if f'name="{name}"' not in page]
    assert missing == []
    assert 'class="form-row field-last_verified_on"' in page  # read-only, as before
    # And every field of the model an editor may change, whatever is added to it later.
    translated = set(translator.get_options_for_model(Prisoner).all_fields)
    editable = [
        field.name
        for field in Prisoner._meta.get_fields()
        if getattr(field, "editable", False) and not field.auto_created and (field.concrete or field.many_to_many)
    ]
    assert [name for name in editable if name not in translated and f'name="{name}"' not in page] == []


def test_the_name_fields_say_which_script_and_language_they_are_in(editor_client):
    person = make_person(name="Erzhan Elshibayev")
    page = editor_client.get(change_url(person)).content.decode()
    for field_id, label in (
        ("id_name_en", "Name in Latin letters (English)"),
        ("id_name_ru", "Name in Russian"),
        ("id_name_kk", "Name in Kazakh"),
        ("id_native_name", "Name as the person writes it"),
        ("id_summary_ru", "Summary (Russian)"),
    ):
        assert re.search(rf'<label[^>]*for="{field_id}">{re.escape(label)}:</label>', page), label
    assert "Shown in small type under the name on every page" in page  # what the own spelling is for
    assert "Name [ru]" not in page and "Name in Cyrillic" not in page

    russian = editor_client.get(change_url(person), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="ru"' in russian
    assert re.search(r'<label[^>]*for="id_name_ru">Имя по-русски:</label>', russian)
    assert re.search(r'<label[^>]*for="id_name_en">Имя латиницей \(по-английски\):</label>', russian)


@pytest.mark.parametrize("address", ["/admin/prisoners/prisoner/add/", "/admin/demands/demand/add/"])
def test_no_help_text_points_up_or_down(editor_client, address):
    """Fields move; a help text that says "below" or "above" was wrong once already."""
    form = editor_client.get(address).context["adminform"].form
    pointing = {name: str(field.help_text) for name, field in form.fields.items() if field.help_text}
    assert {name: text for name, text in pointing.items() if re.search(r"\b(below|above)\b", text)} == {}
    assert "choose the source of the change" in pointing["status_source_url"]


def columns(page):
    """The list's column headings, as read."""
    start = page.index('<table id="result_list">')
    head = page[start : page.index("</thead>", start)]
    cells = re.findall(r'<th scope="col".*?</th>', head, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells]


def test_the_people_and_demands_lists_have_few_short_columns(editor_client):
    make_demand(people=[a_full_record()], title="Release Erzhan Elshibayev")
    people = editor_client.get("/admin/prisoners/prisoner/").content.decode()
    # Seven at most: the box to tick each row, five columns, the audit log's link.
    assert columns(people) == ["", "Name", "Status", "Campaigns", "Visibility", "Last changed", "Audit log"]
    assert "Justice for Zhanaozen" in people and "Convicted and imprisoned" in people
    demands = editor_client.get("/admin/demands/demand/").content.decode()
    assert columns(demands) == ["", "Title", "Status", "Campaign", "Visibility", "Last changed", "Audit log"]


def test_the_layout_places_every_inline_on_both_pages():
    """An inline added later is placed on the page by name, not left to fall at the end."""
    prefixes = {
        next(f for f in inline.model._meta.fields if f.related_model is Prisoner).remote_field.get_accessor_name()
        for inline in PrisonerAdmin.inlines
    }
    assert prefixes <= set(CHANGE_LAYOUT) and sorted(CHANGE_LAYOUT) == sorted(ADD_LAYOUT)


# A real browser at a common laptop's size: the page and the lists fit its width.


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_at_1366_pixels_the_status_is_on_the_first_screen_and_nothing_is_cut(live_server, chromium_path, editor):
    from playwright.sync_api import sync_playwright

    from .test_browser import CHROMIUM_ARGS, sign_in

    person = a_full_record()
    make_demand(people=[person], title="Release Erzhan Elshibayev and every other oil worker held since 2011")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            sign_in(page, live_server.url, "editor")
            page.wait_for_url(f"{live_server.url}/admin/")

            page.goto(f"{live_server.url}{change_url(person)}")
            assert page.evaluate("document.querySelector('#id_status').getBoundingClientRect().bottom") < 768
            assert page.evaluate("document.documentElement.scrollWidth") <= 1366
            # One of everything (an alias, a charge, a sentence, an event) measured about 5,100 pixels.
            height = page.evaluate("document.documentElement.scrollHeight")
            assert height < 5600, height
            # The long texts and private notes folded: out of sight until opened.
            assert not page.locator("#id_biography_en").is_visible()
            assert not page.locator("#id_internal_notes").is_visible()
            page.get_by_text("Summary and biography").click()
            assert page.locator("#id_biography_en").is_visible()
            for address in ("/admin/prisoners/prisoner/", "/admin/demands/demand/"):
                page.goto(f"{live_server.url}{address}")
                table = "document.querySelector('#result_list')"
                assert page.evaluate(f"{table}.scrollWidth <= {table}.parentElement.clientWidth"), address
                assert page.evaluate("document.documentElement.scrollWidth") <= 1366, address
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
