"""Case reports and corrections from the public: stored privately, staff told, moderated in the admin."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.test import Client

from outreach.models import Delivery, Suppression
from outreach.subscriptions import suppress
from prisoners.models import Consent, Prisoner
from reports.models import Report

from .factories import make_demand, make_person, make_source
from .test_admin import change_url

pytestmark = pytest.mark.django_db
SECRET = "Beaten in the police station on Satpayev street"
CASE = {
    "name_given": "Aset Abishev",
    "where_and_when": "Zhanaozen, March",
    "text": SECRET,
    "contact": "sister@example.org",
}


@pytest.fixture
def send(eager_celery, django_capture_on_commit_callbacks, settings):
    settings.REPORTS_EMAILS = ["staff@example.org"]

    def post(address, data, ip="198.51.100.1"):
        with django_capture_on_commit_callbacks(execute=True):
            return Client(REMOTE_ADDR=ip).post(address, data)

    return post


def test_a_case_report_is_stored_privately_and_acknowledged(send, smtp_server):
    response = send("/report/", CASE)
    assert response.status_code == 200
    report = Report.objects.get()
    assert (report.kind, report.text, report.contact, report.outcome) == ("case", SECRET, "sister@example.org", "new")
    assert f'<strong id="reference">{report.reference}</strong>' in response.content.decode()
    to_staff = {to[0]: message for to, message in smtp_server.messages}
    assert set(to_staff) == {"staff@example.org", "sister@example.org"}
    staff = to_staff["staff@example.org"].as_string()
    assert report.reference in staff and f"/admin/reports/report/{report.pk}/change/" in staff
    for message in to_staff.values():  # nothing of what was written travels by email
        assert "Satpayev" not in message.as_string() and "Abishev" not in message.as_string()
    assert report.reference in to_staff["sister@example.org"]["Subject"]


def test_a_contact_that_is_not_an_email_gets_no_email(send, smtp_server):
    assert send("/report/", CASE | {"contact": "Telegram @sister"}).status_code == 200
    assert [to for to, _message in smtp_server.messages] == [["staff@example.org"]]


def test_a_report_with_no_text_gets_a_form_error(send):
    response = send("/report/", CASE | {"text": " "})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not Report.objects.exists()


def test_the_honeypot_drops_a_bot_without_telling_it(send):
    response = send("/report/", CASE | {"website": "http://spam.example"})
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert not Report.objects.exists() and not Delivery.objects.exists()


def test_reports_are_limited_per_address_and_never_for_everyone(send, settings):
    settings.REPORT_RATE_PER_IP = "2/h"
    assert [send("/report/", CASE).status_code for _ in range(3)] == [200, 200, 429]
    assert send("/report/", CASE, ip="203.0.113.9").status_code == 200
    assert Report.objects.count() == 3


def test_a_correction_names_its_page_and_nothing_is_public(send):
    person = make_person(name="Natalia Sokolova", slug="natalia-sokolova")
    demand = make_demand(slug="commission")
    profile = Client().get("/prisoners/natalia-sokolova/").content.decode()
    assert 'href="/prisoners/natalia-sokolova/correction/"' in profile
    assert 'href="/demands/commission/correction/"' in Client().get("/demands/commission/").content.decode()
    assert send("/prisoners/natalia-sokolova/correction/", {"text": SECRET}).status_code == 200
    assert send("/demands/commission/correction/", {"text": SECRET}).status_code == 200
    assert [(r.person, r.demand) for r in Report.objects.order_by("pk")] == [(person, None), (None, demand)]
    pages = ("/", "/prisoners/", "/prisoners/natalia-sokolova/", "/demands/commission/", "/sitemap-people-1.xml")
    for address in pages:
        assert "Satpayev" not in Client().get(address).content.decode(), address


def test_a_correction_to_an_anonymised_person_goes_by_their_public_address(send):
    person = make_person(name="Roza Tuletayeva", slug="roza", consent=Consent.ANONYMISED)
    assert Client().get("/prisoners/roza/correction/").status_code == 404
    page = Client().get(f"/prisoners/anonymous-{person.pk}/correction/").content.decode()
    assert "R. T." in page and "Roza" not in page
    assert send(f"/prisoners/anonymous-{person.pk}/correction/", {"text": "Please take it down"}).status_code == 200
    assert Report.objects.get().person == person


def test_an_editor_turns_a_case_report_into_a_draft_record(send, editor_client, editor):
    send("/report/", CASE)
    report = Report.objects.get()
    editor_client.post("/admin/reports/report/", {"action": "make_draft", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.outcome == Report.Outcome.DRAFTED and report.handled_by == editor
    draft = report.draft
    assert draft.name == "Aset Abishev" and not Prisoner.objects.published().filter(pk=draft.pk).exists()
    assert Client().get(f"/prisoners/{draft.slug}/").status_code == 404
    page = editor_client.get(change_url(report)).content.decode()
    assert "Satpayev" in page and f'href="{change_url(draft)}"' in page


def test_a_correction_is_closed_only_with_its_source(send, editor_client, editor):
    make_person(slug="p")
    send("/prisoners/p/correction/", {"text": "He was released on 1 May"})
    report = Report.objects.get()
    response = editor_client.post(change_url(report), {"outcome": "applied", "outcome_note": "Release date set"})
    assert response.status_code == 200 and "Say which source confirms the correction" in response.content.decode()
    source = make_source(title="Court release order")
    closing = {"outcome": "applied", "outcome_note": "Release date set", "source": source.pk}
    response = editor_client.post(change_url(report), closing)
    # "Made", but nothing of the record changed since the report came: refused.
    assert response.status_code == 200 and "Say which change made the correction" in response.content.decode()
    elsewhere = make_person(slug="someone-else")
    elsewhere.occupation = "Teacher"
    elsewhere.save()
    other = LogEntry.objects.get_for_object(elsewhere).latest("timestamp")
    response = editor_client.post(change_url(report), {**closing, "change": other.pk})
    assert response.status_code == 200  # another record's change made nothing of this correction
    person = Prisoner.objects.get(slug="p")
    person.released_on = datetime.date(2026, 5, 1)
    person.save()
    made = LogEntry.objects.get_for_object(person).latest("timestamp")
    assert editor_client.post(change_url(report), {**closing, "change": made.pk}).status_code == 302
    report.refresh_from_db()
    assert (report.outcome, report.source, report.handled_by, report.change) == ("applied", source, editor, made)


def test_reports_are_not_added_or_deleted_by_editors(editor_client, send):
    send("/report/", CASE)
    assert editor_client.get("/admin/reports/report/add/").status_code == 403
    report = Report.objects.get()
    assert editor_client.post(change_url(report).replace("/change/", "/delete/"), {"post": "yes"}).status_code == 403


def test_draft_made_cannot_be_claimed_by_hand_and_saving_unchanged_records_nothing(send, editor_client):
    send("/report/", CASE)
    report = Report.objects.get()
    response = editor_client.post(change_url(report), {"outcome": "drafted", "outcome_note": ""})
    assert response.status_code == 200 and "Make a draft person" in response.content.decode()
    assert editor_client.post(change_url(report), {"outcome": "new", "outcome_note": ""}).status_code == 302
    report.refresh_from_db()
    assert report.handled_by is None and report.outcome == "new"


def test_no_acknowledgement_to_an_address_that_asked_us_to_stop(send, smtp_server):
    suppress("sister@example.org", Suppression.Reason.UNSUBSCRIBED)
    assert send("/report/", CASE).status_code == 200
    assert [to for to, _message in smtp_server.messages] == [["staff@example.org"]]
