"""Provenance: what kind of source backs a fact, how sure the record is, and when it was last checked."""

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.test import Client

from core.models import Source
from core.status import Grade
from prisoners.models import Prisoner, Status

from .admin_forms import admin_form_data
from .factories import make_event, make_person, make_source
from .test_admin import change_url

pytestmark = pytest.mark.django_db


def test_events_status_changes_and_sources_show_their_grade_and_kind():
    person = make_person(slug="p", status=Status.DETAINED)
    make_event(
        person,
        title="Beaten in custody",
        grade=Grade.ALLEGED,
        sources=[
            make_source(title="Mother's account", kind=Source.Kind.FAMILY, archive_url="https://web.archive.org/x")
        ],
    )
    change = person.status_changes.get()
    change.grade = Grade.CONFIRMED
    change.save()
    page = Client().get("/prisoners/p/").content.decode()
    assert 'class="grade grade-alleged">Alleged' in page
    assert 'class="grade grade-confirmed">Confirmed' in page
    assert ">Family</span>" in page and "https://web.archive.org/x" in page


def test_a_status_change_in_the_admin_records_its_grade(editor_client):
    person = make_person(slug="p", status=Status.DETAINED)
    data = admin_form_data(editor_client.get(change_url(person)))
    data.update(status=Status.IMPRISONED, status_source_url="https://example.org/verdict", status_grade=Grade.CONFIRMED)
    assert editor_client.post(change_url(person), data).status_code == 302
    assert person.status_changes.first().grade == Grade.CONFIRMED


@time_machine.travel(datetime.datetime(2026, 11, 22, 6, tzinfo=datetime.UTC), tick=False)
def test_marking_verified_sets_the_date_shows_it_and_is_audited(editor_client, editor):
    person = make_person(slug="p")
    assert "not yet checked against its sources" in Client().get("/prisoners/p/").content.decode()
    editor_client.post("/admin/prisoners/prisoner/", {"action": "mark_verified", "_selected_action": [person.pk]})
    person.refresh_from_db()
    assert person.last_verified_on == datetime.date(2026, 11, 22)
    assert '<time datetime="2026-11-22">22 November 2026</time>' in Client().get("/prisoners/p/").content.decode()
    entry = LogEntry.objects.get_for_object(person).latest("pk")
    assert entry.actor == editor and "last_verified_on" in entry.changes_dict


@time_machine.travel(datetime.datetime(2026, 11, 22, 6, tzinfo=datetime.UTC), tick=False)
def test_the_admin_lists_profiles_not_verified_for_longer_than_the_setting(editor_client, settings):
    settings.RECORD_STALE_DAYS = 180
    make_person(name="Checked Lately", last_verified_on=datetime.date(2026, 10, 1))
    make_person(name="Checked Long Ago", last_verified_on=datetime.date(2026, 5, 1))
    make_person(name="Never Checked")
    page = editor_client.get("/admin/prisoners/prisoner/?verified=stale").content.decode()
    assert "Checked Long Ago" in page and "Never Checked" in page and "Checked Lately" not in page
    assert set(Prisoner.objects.not_verified_since(datetime.date(2026, 5, 26)).values_list("name", flat=True)) == {
        "Checked Long Ago",
        "Never Checked",
    }
