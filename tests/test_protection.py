"""Nothing that is or was public is destroyed by an editor; an administrator's purge is recorded."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.test import Client

from core.protection import REFUSED, RecordProtected, purging
from core.publishing import Visibility
from prisoners.models import Alias, Prisoner, TimelineEvent

from .admin_forms import admin_form_data
from .factories import make_campaign, make_event, make_key_date, make_person, make_source
from .test_admin import change_url

pytestmark = pytest.mark.django_db


def delete_url(record):
    return change_url(record).replace("/change/", "/delete/")


def refusals(record):
    return LogEntry.objects.get_for_object(record).filter(
        action=LogEntry.Action.ACCESS, changes_text__startswith=REFUSED
    )


def test_an_editor_cannot_delete_a_person_after_unpublishing_them(editor_client, editor):
    person = make_person(name="Erzhan Elshibayev")
    editor_client.post(
        "/admin/prisoners/prisoner/",
        {"action": "unpublish", "_selected_action": [person.pk], "confirmed": "yes", "reason": "A fact in doubt"},
    )
    person.refresh_from_db()
    assert person.visibility == Visibility.DRAFT and person.was_public
    assert editor_client.get(delete_url(person)).status_code == 403
    assert editor_client.post(delete_url(person), {"post": "yes"}).status_code == 403
    assert Prisoner.objects.filter(pk=person.pk).exists()
    refusal = refusals(person).get()
    assert refusal.actor == editor and "archive it instead" in refusal.changes_text


def test_deleting_a_once_public_record_through_the_orm_is_refused_and_recorded(editor):
    person = make_person()
    Prisoner.objects.filter(pk=person.pk).unpublish("A fact in doubt")
    person.refresh_from_db()
    with pytest.raises(RecordProtected, match="archive it instead"):
        person.delete()
    with pytest.raises(RecordProtected):
        Prisoner.objects.filter(pk=person.pk).delete()
    assert Prisoner.objects.filter(pk=person.pk).exists()
    assert refusals(person).count() == 2


def test_the_parts_of_a_public_record_cannot_be_deleted_through_the_orm():
    person = make_person(aliases=["Yerzhan Yelshibayev"])
    event = make_event(person)
    with pytest.raises(RecordProtected, match="part of a record"):
        event.delete()
    with pytest.raises(RecordProtected):
        Alias.objects.filter(prisoner=person).delete()
    with pytest.raises(RecordProtected, match="status history"):
        person.status_changes.first().delete()
    assert TimelineEvent.objects.filter(pk=event.pk).exists() and person.aliases.count() == 1


def test_an_editor_cannot_delete_the_alias_of_a_published_person(editor_client):
    person = make_person(aliases=["Yerzhan Yelshibayev"])
    page = editor_client.get(change_url(person))
    assert 'name="aliases-0-DELETE"' not in page.content.decode()
    data = admin_form_data(page)
    data["aliases-0-DELETE"] = "on"  # a forged form
    assert editor_client.post(change_url(person), data).status_code == 302
    assert person.aliases.count() == 1


def test_an_editor_deleting_a_once_public_key_date_of_a_draft_campaign_gets_a_form_error(editor_client):
    campaign = make_campaign(visibility=Visibility.DRAFT)
    make_key_date(campaign=campaign, title="Day of memory")
    data = admin_form_data(editor_client.get(change_url(campaign)))
    data["key_dates-0-DELETE"] = "on"
    response = editor_client.post(change_url(campaign), data)
    assert response.status_code == 200 and "cannot be deleted" in response.content.decode()
    assert campaign.key_dates.count() == 1


def test_an_editor_still_deletes_a_draft_that_was_never_public(editor_client):
    draft = make_person(visibility=Visibility.DRAFT, aliases=["Someone"])
    make_event(draft)
    assert editor_client.post(delete_url(draft), {"post": "yes"}).status_code == 302
    assert not Prisoner.objects.filter(pk=draft.pk).exists()


def test_an_editor_cannot_delete_a_source_in_use_even_in_bulk(editor_client):
    source, unused = make_source(title="Court verdict"), make_source(title="Unused note")
    make_event(make_person(visibility=Visibility.DRAFT), sources=[source])
    response = editor_client.post(
        "/admin/core/source/", {"action": "delete_selected", "_selected_action": [source.pk, unused.pk], "post": "yes"}
    )
    assert response.status_code == 200
    assert "Cannot delete sources" in response.content.decode()
    assert source.__class__.objects.filter(pk__in=[source.pk, unused.pk]).count() == 2
    assert refusals(source).exists()
    assert editor_client.post(delete_url(unused), {"post": "yes"}).status_code == 302


def test_an_administrators_deletion_is_a_purge_in_the_audit_trail(campaigner_client, campaigner):
    person = make_person(name="Natalia Sokolova")
    pk = person.pk
    assert campaigner_client.post(delete_url(person), {"post": "yes"}).status_code == 302
    assert not Prisoner.objects.filter(pk=pk).exists()
    entry = LogEntry.objects.filter(
        object_pk=str(pk), action=LogEntry.Action.DELETE, content_type__model="prisoner"
    ).get()
    assert entry.actor == campaigner
    assert entry.additional_data["source"].startswith("purge: ")


def test_only_an_administrator_can_purge_and_only_with_a_reason(campaigner, editor):
    person = make_person()
    with pytest.raises(PermissionDenied), purging(editor, "duplicate"):
        pass
    with pytest.raises(PermissionDenied), purging(campaigner, "  "):
        pass
    with purging(campaigner, "a duplicate of another record"):
        person.delete()
    assert not Prisoner.objects.filter(pk=person.pk).exists()


def test_archiving_needs_a_reason_and_takes_the_record_off_public_pages(editor_client):
    person = make_person(name="Yerlan Baltabai", slug="yerlan-baltabai")
    assert Client().get("/prisoners/yerlan-baltabai/").status_code == 200
    data = admin_form_data(editor_client.get(change_url(person)))
    data["visibility"] = Visibility.ARCHIVED
    response = editor_client.post(change_url(person), data)
    assert response.status_code == 200 and "Say why this record is archived" in response.content.decode()
    data["archive_reason"] = "The family asked us to take the page down."
    assert editor_client.post(change_url(person), data).status_code == 302
    assert Client().get("/prisoners/yerlan-baltabai/").status_code == 410  # taken down, and says so
    assert not Prisoner.objects.published().filter(pk=person.pk).exists()
