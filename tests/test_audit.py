"""The audit trail: who changed what, when, from where and through what; staff only."""

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.test import Client

from core.audit import changes_in_words
from core.publishing import Visibility
from prisoners.models import Prisoner

from .admin_forms import admin_form_data
from .factories import make_person, make_source
from .test_admin import change_url, submit_change

pytestmark = pytest.mark.django_db


def entries_for(record):
    return LogEntry.objects.get_for_object(record).order_by("timestamp", "pk")


def history_of(client, record, language="en"):
    url = f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/auditlog/"
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def log(record, changes, **fields):
    return LogEntry.objects.log_create(record, action=LogEntry.Action.UPDATE, changes=changes, **fields)


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


# The log in words -------------------------------------------------------------------------------------


def test_fields_are_named_by_their_labels_with_the_language_in_every_view_of_the_log(editor_client):
    person = make_person(name="Natalia Sokolova")
    submit_change(editor_client, person, region_ru="Мангистауская область", occupation_kk="Мұнайшы")
    entry = entries_for(person).last()
    assert {"region_ru", "occupation_kk"} <= set(entry.changes_dict)  # what auditlog keeps
    for page in (
        history_of(editor_client, person),
        editor_client.get(f"/admin/auditlog/logentry/{entry.pk}/change/").content.decode(),
        editor_client.get("/admin/auditlog/logentry/").content.decode(),
    ):
        assert "Region (Russian)" in page and "Occupation (Kazakh)" in page
        assert "region_ru" not in page and "occupation_kk" not in page
    # In the staff member's language: the field's label and the language's name from locale/.
    assert "Регион (Русский)" in history_of(editor_client, person, "ru")
    assert "Өңір (Орыс тілі)" in history_of(editor_client, person, "kk")


def test_values_are_shown_as_the_admin_shows_them(editor_client):
    source = make_source(title="Court verdict")
    person = make_person(visibility=Visibility.DRAFT)
    editor_client.post("/admin/prisoners/prisoner/", {"action": "publish", "_selected_action": [person.pk]})
    submit_change(editor_client, person, sources=[source.pk], reminders_paused="on")
    lines = [line for entry in entries_for(person) for line in changes_in_words(entry)]
    assert ("Visibility", "Draft", "Published") in lines  # a choice by its label, not "draft"
    assert ("Sources", "", "Court verdict") in lines  # a link added
    assert ("Reminders paused", "no", "yes") in lines


def test_a_change_from_empty_to_empty_is_no_change(editor_client):
    person = make_person(name="Yerlan Baltabai")
    log(person, {"region_en": ["", "None"], "occupation_en": ["None", ""], "summary_en": ["", "Held in Aktau"]})
    log(person, {"region_en": ["", "None"], "biography_kk": ["None", ""]})  # nothing else
    worth_reading, nothing = entries_for(person).reverse()[1], entries_for(person).last()
    assert [line.label for line in changes_in_words(worth_reading)] == ["Summary (English)"]
    assert changes_in_words(nothing) == []
    page = history_of(editor_client, person)
    assert "Summary (English)" in page and "Held in Aktau" in page
    assert "Region (English)" not in page and "Occupation (English)" not in page and "Biography" not in page
    assert page.count('class="auditlog-entry"') == entries_for(person).count() - 1  # the empty one left out


def test_saving_a_record_unchanged_adds_nothing_to_its_history(editor_client):
    person = make_person(name="Yerlan Baltabai")
    before = history_of(editor_client, person).count('class="auditlog-entry"')
    assert submit_change(editor_client, person).status_code == 302
    assert history_of(editor_client, person).count('class="auditlog-entry"') == before


def test_a_new_record_had_nothing_before_not_even_a_private_value(editor_client):
    person = make_person(name="Yerlan Baltabai", internal_notes="Lawyer asked us to wait")
    lines = {line.label: line for line in changes_in_words(entries_for(person).first())}
    assert lines["Internal notes"] == ("Internal notes", "", "[private, encrypted]")
    assert "Family contacts" not in lines  # empty when created: nothing to say
    assert all(line.before == "" for line in lines.values())
    # No id, no plain column beside the language columns, no derived column (search key, sort order).
    assert "ID" not in lines and "Name" not in lines and "Name (English)" in lines
    assert not any(label.lower().startswith(("search key", "list order")) for label in lines)


def test_the_staff_log_has_no_correlation_id_but_a_link_to_one_operation_still_filters(editor_client):
    imported, edited = make_person(name="Imported Person"), make_person(name="Edited Person")
    log(imported, {"summary_en": ["", "From the spreadsheet"]}, cid="import-7")
    log(edited, {"summary_en": ["", "By hand"]})
    listing = editor_client.get("/admin/auditlog/logentry/").content.decode()
    assert "Correlation ID" not in listing and "cid" not in listing
    entry = LogEntry.objects.get(cid="import-7")
    assert "Correlation ID" not in editor_client.get(f"/admin/auditlog/logentry/{entry.pk}/change/").content.decode()
    for one_import in ("?cid=import-7", "?q=import-7"):  # a link from the import; its id typed in the search
        page = editor_client.get(f"/admin/auditlog/logentry/{one_import}").content.decode()
        assert "Imported Person" in page and "Edited Person" not in page
