"""The audit trail: who changed what, when, from where and through what; staff only."""

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.test import Client

from core.publishing import Visibility
from prisoners.models import Prisoner

from .admin_forms import admin_form_data
from .factories import make_person, make_source
from .test_admin import change_url, submit_change

pytestmark = pytest.mark.django_db


def entries_for(record):
    return LogEntry.objects.get_for_object(record).order_by("timestamp", "pk")


def test_an_admin_edit_is_recorded_with_who_which_fields_before_and_after(editor_client, editor):
    person = make_person(name="Natalia Sokolova")
    data = admin_form_data(editor_client.get(change_url(person)))
    data["occupation_en"] = "Lawyer of the oil workers' union"
    response = editor_client.post(change_url(person), data, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    entry = entries_for(person).last()
    assert entry.action == LogEntry.Action.UPDATE and entry.actor == editor
    assert entry.changes_dict["occupation_en"] == ["None", "Lawyer of the oil workers' union"]
    assert entry.additional_data == {"source": "admin"}
    assert entry.remote_addr == "198.51.100.7"


def test_the_publish_action_leaves_a_trace_per_record(editor_client, editor):
    drafts = [make_person(name=f"Person {n}", visibility=Visibility.DRAFT) for n in range(2)]
    editor_client.post("/admin/prisoners/prisoner/", {"action": "publish", "_selected_action": [d.pk for d in drafts]})
    for draft in drafts:
        entry = entries_for(draft).last()
        assert entry.actor == editor
        assert entry.changes_dict["visibility"] == [Visibility.DRAFT, Visibility.PUBLISHED]


def test_linking_a_source_is_recorded(editor_client):
    person = make_person()
    source = make_source(title="Court verdict")
    submit_change(editor_client, person, sources=[source.pk])
    assert any("sources" in entry.changes_dict for entry in entries_for(person))


def test_a_record_s_audit_log_is_shown_to_staff_and_to_no_one_else(editor_client):
    stranger = Client()
    person = make_person(name="Erzhan Elshibayev")
    submit_change(editor_client, person, occupation_en="Oil worker")
    url = f"/admin/prisoners/prisoner/{person.pk}/auditlog/"
    page = editor_client.get(url)
    assert page.status_code == 200 and "Oil worker" in page.content.decode()
    assert f'href="{url}"' in editor_client.get("/admin/prisoners/prisoner/").content.decode()
    assert stranger.get(url).status_code == 302  # to the sign-in
    assert stranger.get("/admin/auditlog/logentry/").status_code == 302
    assert "auditlog" not in stranger.get(f"/prisoners/{person.slug}/").content.decode()


def test_the_staff_log_filters_by_who_and_stays_read_only(editor_client, editor, campaigner):
    submit_change(editor_client, make_person(name="Yerlan Baltabai"), occupation_en="Oil worker")
    mine = editor_client.get(f"/admin/auditlog/logentry/?actor__id__exact={editor.pk}")
    assert mine.status_code == 200 and "Yerlan Baltabai" in mine.content.decode()
    others = editor_client.get(f"/admin/auditlog/logentry/?actor__id__exact={campaigner.pk}")
    assert "Yerlan Baltabai" not in others.content.decode()
    entry = LogEntry.objects.filter(actor=editor).first()
    administrator = Client()
    administrator.force_login(campaigner)
    assert administrator.post(f"/admin/auditlog/logentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_the_demo_loader_is_recorded_as_its_command():
    call_command("load_demo", stdout=None)
    person = Prisoner.objects.get(slug="erzhan-elshibayev")
    assert entries_for(person).first().additional_data == {"source": "command load_demo"}


def test_staff_account_changes_are_recorded_without_the_password(campaigner):
    campaigner.set_password("another-long-password-2")
    campaigner.is_superuser = False
    campaigner.save()
    entry = LogEntry.objects.get_for_object(campaigner).last()
    assert "is_superuser" in entry.changes_dict
    assert not {"password", "last_login"} & set(entry.changes_dict)
