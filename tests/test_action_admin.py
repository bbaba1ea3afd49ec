"""Actions in the admin, as a campaign editor runs them: the form in the order of the job, its errors,
what the editor may not delete, who took part, and what needs attention."""

import datetime
import os
import re
import tempfile
from contextlib import contextmanager

import pytest
import time_machine
from auditlog.models import LogEntry

from actions.admin import participation
from actions.models import Action, Addressee, Participation
from actions.services import participants_over_time
from core.publishing import Visibility

from .admin_forms import admin_form_data
from .factories import (
    cited_source,
    make_action,
    make_addressee,
    make_campaign,
    make_demand,
    make_key_date,
    make_person,
)
from .test_admin import change_url, submit_change
from .test_admin_layout import columns
from .test_attention import _panel
from .test_audit import history_of

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/actions/action/"
# Late on 20 December 2026 in Almaty: the factory's action (1 to 15 December) is past its deadline.
AFTER_THE_DEADLINE = datetime.datetime(2026, 12, 20, 12, tzinfo=datetime.UTC)
DURING_THE_ACTION = datetime.datetime(2026, 12, 10, 12, tzinfo=datetime.UTC)
SCREENSHOTS = __import__("pathlib").Path(tempfile.gettempdir())


def fieldset_headings(page):
    return re.findall(r'<h2 id="fieldset-0-\d+-heading" class="fieldset-heading">([^<]*)</h2>', page)


@contextmanager
def at(moment, client, editor):
    """On another day, signed in afresh: a staff session does not last days."""
    with time_machine.travel(moment):
        client.force_login(editor)
        yield


def count(action, day, language, channel, n):
    Participation.objects.create(action=action, day=day, language=language, channel=channel, count=n)


# Adding and changing --------------------------------------------------------------------------------------


def test_an_editor_adds_an_action_with_its_people_demands_addressee_and_key_date(editor_client):
    campaign = make_campaign()
    person, addressee, key_date = make_person(), make_addressee(), make_key_date(campaign=campaign)
    demand = make_demand(campaign=campaign, people=[person])
    data = admin_form_data(editor_client.get(f"{ADD_URL}add/"))
    data |= {
        "title_en": "Write to the Prosecutor General",
        "title_ru": "Напишите Генеральному прокурору",
        "slug": "write-to-the-prosecutor-general",
        "campaign": campaign.pk,
        "key_date": key_date.pk,
        "starts_on": "2026-12-01",
        "deadline": "2026-12-15",
        "deadline_time": "18:00",
        "summary_en": "Ask for an independent investigation.",
        "steps_en": "Copy the letter.\nSend it.",
        "addressees": [addressee.pk],
        "write_in": "ru",
        "message_en": "I ask you to open an independent investigation.",
        "prisoners": [person.pk],
        "demands": [demand.pk],
        "sources": [cited_source().pk],
        "visibility": Visibility.PUBLISHED,
    }
    response = editor_client.post(f"{ADD_URL}add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    action = Action.objects.get(slug="write-to-the-prosecutor-general")
    assert (action.status, action.title_ru, action.key_date, action.campaign) == (
        "open",
        "Напишите Генеральному прокурору",
        key_date,
        campaign,
    )
    assert list(action.addressees.all()) == [addressee] and list(action.demands.all()) == [demand]
    assert action.closes_at == datetime.datetime(2026, 12, 15, 18, tzinfo=action.tz)  # in the campaign's time


def test_an_editor_closes_an_action_with_its_outcome_and_source(editor_client):
    action = make_action()
    source = cited_source()
    response = submit_change(
        editor_client,
        action,
        status="closed",
        outcome_en="The prosecutor replied on 20 December.",
        outcome_ru="Прокурор ответил 20 декабря.",
        outcome_on="2026-12-20",
        outcome_source=source.pk,
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    action.refresh_from_db()
    assert (
        action.has_outcome and action.outcome_source == source and action.outcome_ru == "Прокурор ответил 20 декабря."
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"deadline": "2026-11-30"}, "deadline", "The deadline is before the action starts."),
        (
            {"status": "closed", "outcome_en": "Released on 3 March."},
            "outcome_source",
            "Cite the source of the outcome",
        ),
        (
            {"outcome_en": "Released on 3 March.", "outcome_source": "SOURCE"},
            "status",
            "An action with an outcome is closed.",
        ),
        (
            {"status": "closed", "outcome_ru": "Освобождён 3 марта.", "outcome_source": "SOURCE"},
            "outcome_en",
            "Give the outcome in English too",
        ),
    ],
    ids=["deadline-before-start", "outcome-without-source", "outcome-while-open", "outcome-only-in-russian"],
)
def test_a_mistake_is_a_clear_error_on_its_field_and_nothing_is_saved(editor_client, changes, field, message):
    action = make_action()
    changes = {name: cited_source().pk if value == "SOURCE" else value for name, value in changes.items()}
    response = submit_change(editor_client, action, **changes)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == [field] and message in errors[field][0]
    assert message in response.content.decode()
    action.refresh_from_db()
    assert (action.status, action.deadline, action.outcome_en or "") == ("open", datetime.date(2026, 12, 15), "")


def test_an_editor_cannot_delete_a_published_action_but_can_delete_a_draft(editor_client):
    published, draft = make_action(), make_action(visibility=Visibility.DRAFT)
    delete = "/admin/actions/action/{}/delete/"
    assert editor_client.post(delete.format(published.pk), {"post": "yes"}).status_code == 403
    assert editor_client.post(delete.format(draft.pk), {"post": "yes"}).status_code == 302
    assert list(Action.objects.all()) == [published]
    assert "delete_selected" not in editor_client.get(ADD_URL).content.decode()


def test_an_editor_publishes_and_takes_an_action_offline_with_a_reason(editor_client):
    draft = make_action(visibility=Visibility.DRAFT)
    editor_client.post(ADD_URL, {"action": "publish", "_selected_action": [draft.pk]})
    assert Action.objects.get(pk=draft.pk).is_published
    editor_client.post(
        ADD_URL, {"action": "unpublish", "_selected_action": [draft.pk], "confirmed": "yes", "reason": "A mistake"}
    )
    draft.refresh_from_db()
    assert not draft.is_published and draft.archive_reason == "A mistake"


def test_the_people_demands_addressees_and_key_date_are_picked_by_typing(editor_client):
    make_addressee(name="Prosecutor General's Office", name_ru="Генеральная прокуратура")
    make_addressee(name="Ministry of Justice")
    url = "/admin/autocomplete/?app_label=actions&model_name=action&field_name={}&term={}"
    found = editor_client.get(url.format("addressees", "прокуратура")).json()["results"]
    assert [result["text"] for result in found] == ["Prosecutor General's Office"]
    make_key_date(title="Anniversary of the massacre")
    assert editor_client.get(url.format("key_date", "massacre")).json()["results"]
    for field in ("prisoners", "demands", "sources", "outcome_source", "campaign"):
        assert editor_client.get(url.format(field, "")).status_code == 200, field


# The page ------------------------------------------------------------------------------------------------


def test_the_change_page_opens_with_the_status_and_a_new_action_with_what_it_is(editor_client):
    action = make_action()
    change = editor_client.get(change_url(action)).content.decode()
    assert fieldset_headings(change) == [
        "Status",
        "The action",
        "Whom to write to, and the suggested message",
        "Whom and what it is for, and the sources",
        "Publishing",
    ]
    # Within the status: the status, the outcome in every language, its date and its source.
    order = ["id_status", "id_outcome_en", "id_outcome_ru", "id_outcome_kk", "id_outcome_on", "id_outcome_source"]
    assert [change.index(f'id="{field}"') for field in order] == sorted(change.index(f'id="{f}"') for f in order)
    assert "Outcome (Russian)" in change and "Outcome [ru]" not in change
    added = editor_client.get(f"{ADD_URL}add/").content.decode()
    assert fieldset_headings(added)[0] == "The action" and fieldset_headings(added)[-1] == "Status"


def test_the_list_shows_status_deadline_campaign_participants_and_visibility(editor_client):
    action = make_action(title="Write to the prosecutor")
    count(action, datetime.date(2026, 12, 2), "ru", Participation.Channel.VISITOR, 4)
    count(action, datetime.date(2026, 12, 3), "kk", Participation.Channel.SUBSCRIBER, 3)
    page = editor_client.get(ADD_URL).content.decode()
    assert [re.sub(r"^\d+ ", "", column) for column in columns(page)] == [
        "",
        "Title",
        "Status",
        "Deadline",
        "Campaign",
        "Participants",
        "Visibility",
        "Audit log",
    ]
    assert re.search(r'<td class="field-participants">7</td>', page)


@pytest.mark.parametrize("term", ["prosecutor", "прокурору", "жазыңыз"])
def test_the_list_is_searched_by_the_title_in_every_language(editor_client, term):
    make_action(title="Write to the prosecutor", title_ru="Напишите прокурору", title_kk="Прокурорға жазыңыз")
    make_action(title="Come to the vigil", title_ru="Приходите на пикет", title_kk="Пикетке келіңіз")
    page = editor_client.get(ADD_URL, {"q": term}).content.decode()
    assert "Write to the prosecutor" in page and "Come to the vigil" not in page


def test_the_list_filters_by_status_campaign_and_visibility(editor_client):
    campaign = make_campaign(name="Justice for Zhanaozen")
    make_action(title="Open here", campaign=campaign)
    make_action(title="Closed elsewhere", status="closed")
    make_action(title="A draft", visibility=Visibility.DRAFT, campaign=campaign)
    page = editor_client.get(ADD_URL, {"status__exact": "open", "campaign__id__exact": campaign.pk}).content.decode()
    assert "Open here" in page and "A draft" in page and "Closed elsewhere" not in page
    drafts = editor_client.get(ADD_URL, {"visibility__exact": "draft"}).content.decode()
    assert "A draft" in drafts and "Open here" not in drafts


# Who took part ----------------------------------------------------------------------------------------------


def test_the_change_page_shows_participants_over_time_and_by_language_and_channel(editor_client, editor):
    action = make_action()
    count(action, datetime.date(2026, 12, 2), "en", Participation.Channel.VISITOR, 2)
    count(action, datetime.date(2026, 12, 2), "ru", Participation.Channel.VISITOR, 5)
    count(action, datetime.date(2026, 12, 4), "ru", Participation.Channel.SUBSCRIBER, 3)
    count(action, datetime.date(2026, 12, 9), "kk", Participation.Channel.SUBSCRIBER, 1)
    other = make_action()
    count(other, datetime.date(2026, 12, 2), "en", Participation.Channel.VISITOR, 100)  # not this action's

    with at(DURING_THE_ACTION, editor_client, editor):
        page = editor_client.get(change_url(action)).content.decode()
        series = participation(action)["series"]
    svg = re.search(r'<svg class="chart" id="chart-participants" role="img".*?</svg>', page, re.S)
    assert svg and '<title id="chart-participants-title">Participants over time</title>' in svg[0]
    table = page[page.index('id="participation-by-language"') : page.index("</table>", page.index("by-language"))]
    cells = [re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)]
    assert cells == [
        ["Language", "On the site", "From an email", "Total"],
        ["English", "2", "0", "2"],
        ["Russian", "5", "3", "8"],
        ["Kazakh", "0", "1", "1"],
        ["Total", "7", "4", "11"],
    ]
    # The chart's figures: everyone counted up to each day, from the start to today.
    assert series[:4] == [
        (datetime.date(2026, 12, 1), 0),
        (datetime.date(2026, 12, 2), 7),
        (datetime.date(2026, 12, 3), 7),
        (datetime.date(2026, 12, 4), 10),
    ]
    assert series[-1] == (datetime.date(2026, 12, 10), 11) and len(series) == 10


def test_an_action_no_one_has_joined_says_so_without_a_chart(editor_client):
    page = editor_client.get(change_url(make_action())).content.decode()
    assert "No one has taken part yet." in page and 'id="chart-participants"' not in page
    assert 'id="participation"' not in editor_client.get(f"{ADD_URL}add/").content.decode()


def test_a_long_action_s_chart_groups_its_days_and_stays_in_step_with_the_counts():
    action = make_action(starts_on=datetime.date(2025, 1, 1), deadline=datetime.date(2026, 12, 15))
    for offset in range(0, 700, 3):
        count(action, datetime.date(2025, 1, 1) + datetime.timedelta(days=offset), "en", "visitor", 1)
    series = participants_over_time(action, today=datetime.date(2026, 12, 10))
    assert len(series) <= 60
    assert series[-1] == (datetime.date(2026, 12, 10), len(range(0, 700, 3)))
    assert [total for _day, total in series] == sorted(total for _day, total in series)  # never goes down
    assert series[0][0] > datetime.date(2025, 1, 1)  # each point closes a group of days


def test_the_counts_are_read_with_a_few_aggregate_queries(editor_client, django_assert_max_num_queries):
    action = make_action()
    for day in range(1, 15):
        for language in ("en", "ru", "kk"):
            count(action, datetime.date(2026, 12, day), language, "visitor", day)
    with django_assert_max_num_queries(2):
        shown = participation(action)
    assert shown["totals"][-1] == 3 * sum(range(1, 15))


# Needs attention -----------------------------------------------------------------------------------------


def test_the_index_lists_published_open_actions_past_their_deadline_and_links_to_them(editor_client, editor):
    overdue = make_action(title="Overdue letter")
    make_action(title="Closed with its outcome", status="closed")
    make_action(title="Still a draft", visibility=Visibility.DRAFT)
    make_action(title="Not due yet", deadline=datetime.date(2027, 1, 15))
    with at(DURING_THE_ACTION, editor_client, editor):
        assert "past its deadline" not in _panel(editor_client)
    with at(AFTER_THE_DEADLINE, editor_client, editor):
        panel = _panel(editor_client)
        assert "1 published action past its deadline with no outcome" in panel
        assert '<a href="/admin/actions/action/?attention=past_deadline">' in panel
        listed = editor_client.get("/admin/actions/action/?attention=past_deadline").content.decode()
    assert re.findall(r'<th class="field-title"><a href="[^"]+">([^<]+)</a></th>', listed) == ["Overdue letter"]

    with at(AFTER_THE_DEADLINE, editor_client, editor):
        assert submit_change(editor_client, overdue, status="closed").status_code == 302  # no outcome to tell
        assert "past its deadline" not in _panel(editor_client)


def test_the_deadline_passes_at_its_time_in_the_campaign_s_time_zone(editor_client, editor):
    make_action(deadline_time=datetime.time(18, 0), campaign=make_campaign(timezone="Asia/Almaty"))
    # 18:00 in Almaty (UTC+5) is 13:00 UTC.
    with at(datetime.datetime(2026, 12, 15, 12, 59, tzinfo=datetime.UTC), editor_client, editor):
        assert "past its deadline" not in _panel(editor_client)
    with at(datetime.datetime(2026, 12, 15, 13, 0, tzinfo=datetime.UTC), editor_client, editor):
        assert "1 published action past its deadline" in _panel(editor_client)


# The audit log -------------------------------------------------------------------------------------------


def test_an_action_s_history_reads_in_words_without_the_derived_moments(editor_client, editor):
    action = make_action(title="Write to the prosecutor")
    response = submit_change(
        editor_client,
        action,
        status="closed",
        deadline="2026-12-14",
        outcome_en="The prosecutor replied.",
        outcome_source=cited_source().pk,
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = LogEntry.objects.get_for_object(action).latest("timestamp")
    assert entry.actor == editor and not {"opens_at", "closes_at"} & set(entry.changes_dict)
    page = history_of(editor_client, action)
    for words in ("Status", "Open", "Closed", "Deadline", "Outcome (English)", "The prosecutor replied."):
        assert words in page, words
    assert "Source of the outcome" in page and "Test report" in page
    assert not re.search(r"opens_at|closes_at|outcome_en|Opens at|Closes at", page)


def test_an_addressee_s_changes_are_in_the_audit_log(editor_client):
    addressee = make_addressee(name="Prosecutor General's Office")
    assert submit_change(editor_client, addressee, phone="+7 000 000 00 00").status_code == 302
    page = history_of(editor_client, addressee)
    assert "Phone" in page and "+7 000 000 00 00" in page


# Addressees ----------------------------------------------------------------------------------------------


def test_an_editor_adds_an_addressee_with_the_ways_to_reach_it(editor_client):
    data = admin_form_data(editor_client.get("/admin/actions/addressee/add/"))
    data |= {
        "name_en": "Prosecutor General's Office",
        "name_ru": "Генеральная прокуратура",
        "name_kk": "Бас прокуратура",
        "email": "office@example.org",
        "postal_address_en": "1 Example Street, Astana",
        "web_form": "https://example.org/write",
        "public_account": "https://example.org/office",
    }
    response = editor_client.post("/admin/actions/addressee/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    addressee = Addressee.objects.get(email="office@example.org")
    assert (addressee.name_kk, addressee.web_form) == ("Бас прокуратура", "https://example.org/write")
    page = editor_client.get("/admin/actions/addressee/", {"q": "прокуратура"}).content.decode()
    assert "Prosecutor General&#x27;s Office" in page


def test_an_editor_cannot_delete_an_addressee_an_action_writes_to(editor_client):
    used, unused = make_addressee(), make_addressee()
    make_action(addressees=[used])
    delete = "/admin/actions/addressee/{}/delete/"
    assert editor_client.post(delete.format(used.pk), {"post": "yes"}).status_code == 403
    assert editor_client.post(delete.format(unused.pk), {"post": "yes"}).status_code == 302
    assert list(Addressee.objects.all()) == [used]


# In a real browser --------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_at_1366_pixels_the_status_comes_first_the_chart_shows_and_the_list_fits(live_server, chromium_path, editor):
    from playwright.sync_api import sync_playwright

    from .test_browser import CHROMIUM_ARGS, sign_in

    action = make_action(title="Write to the Prosecutor General before the anniversary", people=[make_person()])
    for day in range(1, 8):
        count(action, datetime.date(2026, 12, day), "ru", "visitor", day * 3)
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            sign_in(page, live_server.url, "editor")
            page.wait_for_url(f"{live_server.url}/admin/")

            page.goto(f"{live_server.url}{change_url(action)}")
            assert page.evaluate("document.querySelector('#id_status').getBoundingClientRect().bottom") < 768
            assert page.evaluate("document.documentElement.scrollWidth") <= 1366
            chart = page.locator("#chart-participants")
            assert chart.is_visible() and 200 < chart.bounding_box()["width"] <= 520
            # Drawn in the admin's colours: the line is not the browser's default black fill.
            fill = page.evaluate("getComputedStyle(document.querySelector('#chart-participants .chart-line')).fill")
            assert fill == "none"
            page.screenshot(path=str(SCREENSHOTS / "action-change.png"), full_page=True)

            page.goto(f"{live_server.url}{ADD_URL}")
            table = "document.querySelector('#result_list')"
            assert page.evaluate(f"{table}.scrollWidth <= {table}.parentElement.clientWidth")
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
