import io

import pytest
from django.contrib.auth.models import User
from PIL import Image

from core.publishing import Visibility
from prisoners.models import Prisoner, Status

from .admin_forms import admin_form_data
from .factories import make_campaign, make_demand, make_organisation, make_person, make_source

pytestmark = pytest.mark.django_db


def change_url(record):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"


def submit_change(client, record, **changes):
    data = admin_form_data(client.get(change_url(record)))
    data.update(changes)
    return client.post(change_url(record), data)


def test_editor_changes_a_status_and_the_history_shows_it(editor_client):
    person = make_person(status=Status.DETAINED)
    source = make_source(title="Court verdict")
    response = submit_change(
        editor_client,
        person,
        status=Status.IMPRISONED,
        status_note="Sentenced to five years",
        status_source=str(source.pk),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    person.refresh_from_db()
    assert person.status == Status.IMPRISONED
    change = person.status_changes.first()
    assert (change.old_status, change.new_status, change.changed_by_name) == ("detained", "imprisoned", "editor")
    assert change.note == "Sentenced to five years" and change.source == source
    history = editor_client.get(change_url(person)).content.decode()
    assert "Sentenced to five years" in history and "Convicted and imprisoned" in history


def test_status_change_without_a_source_is_refused_with_a_message(editor_client):
    person = make_person(status=Status.DETAINED)
    response = submit_change(editor_client, person, status=Status.RELEASED)
    assert response.status_code == 200
    assert "Say where the change of status is documented" in response.content.decode()
    assert Prisoner.objects.get(pk=person.pk).status == Status.DETAINED


def test_editing_other_fields_records_no_status_change(editor_client):
    person = make_person(status=Status.DETAINED)
    assert submit_change(editor_client, person, occupation_en="Oil worker").status_code == 302
    assert person.status_changes.count() == 1


def test_demand_status_change_in_the_admin_is_recorded(editor_client):
    demand = make_demand(status="outstanding")
    response = submit_change(editor_client, demand, status="partial", status_source_url="https://example.org/news")
    assert response.status_code == 302
    assert demand.status_changes.first().source_url == "https://example.org/news"


def test_adding_a_person_opens_the_history(editor_client):
    data = {
        "name_en": "New Person",
        "slug": "new-person",
        "status": "detained",
        "arrested_on_precision": "day",
        "released_on_precision": "day",
        "died_on_precision": "day",
        "country_en": "Kazakhstan",
        "visibility": "draft",
        "consent": "public_interest",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "charges-TOTAL_FORMS": "0",
        "charges-INITIAL_FORMS": "0",
        "sentences-TOTAL_FORMS": "0",
        "sentences-INITIAL_FORMS": "0",
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
        "status_changes-TOTAL_FORMS": "0",
        "status_changes-INITIAL_FORMS": "0",
    }
    response = editor_client.post("/admin/prisoners/prisoner/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    person = Prisoner.objects.get(slug="new-person")
    assert list(person.status_changes.values_list("old_status", "new_status", "changed_by_name")) == [
        ("", "detained", "editor")
    ]


def test_admin_shows_clear_message_for_a_duplicate_person(editor_client):
    make_person(name="Yerzhan Yelshibaev")
    other = make_person(name="Someone")
    response = submit_change(editor_client, other, name_en="Erzhan Elshibayev")
    assert "There is already a record for Yerzhan Yelshibaev" in response.content.decode()


def test_an_editor_can_save_a_namesake_after_saying_it_is_someone_else(editor_client):
    make_person(name="Erzhan Elshibayev")
    other = make_person(name="Someone")
    response = submit_change(editor_client, other, name_en="Elshibayev Erzhan", namesake_confirmed="on")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Prisoner.objects.filter(name="Elshibayev Erzhan").exists()


def test_editor_cannot_manage_users(editor_client, campaigner):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get(f"/admin/auth/user/{campaigner.pk}/change/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_editor_cannot_delete_a_published_record_but_can_delete_a_draft(editor_client):
    published = make_person(visibility=Visibility.PUBLISHED)
    draft = make_person(visibility=Visibility.DRAFT)
    assert editor_client.post(f"/admin/prisoners/prisoner/{published.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Prisoner.objects.filter(pk=published.pk).exists()
    assert editor_client.post(f"/admin/prisoners/prisoner/{draft.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Prisoner.objects.filter(pk=draft.pk).exists()


def test_editor_has_no_bulk_delete(editor_client):
    response = editor_client.get("/admin/prisoners/prisoner/")
    assert "delete_selected" not in response.content.decode()


def test_editor_cannot_edit_the_status_history(editor_client):
    person = make_person()
    change = person.status_changes.first()
    url = f"/admin/prisoners/prisonerstatuschange/{change.pk}/change/"
    assert editor_client.post(url, {"new_status": "released"}).status_code in (403, 404)


def test_publish_and_unpublish_actions(editor_client):
    draft = make_person(visibility=Visibility.DRAFT)
    editor_client.post("/admin/prisoners/prisoner/", {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published
    unpublish = {"action": "unpublish", "_selected_action": [draft.pk]}
    asked = editor_client.post("/admin/prisoners/prisoner/", unpublish).content.decode()
    assert "Take these records offline?" in asked and '<ul id="going-offline"><li>' + draft.name in asked
    draft.refresh_from_db()
    assert draft.is_published  # nothing happens until the editor says why
    without_reason = editor_client.post("/admin/prisoners/prisoner/", {**unpublish, "confirmed": "yes"})
    assert "Say why these records are taken offline." in without_reason.content.decode()
    editor_client.post("/admin/prisoners/prisoner/", {**unpublish, "confirmed": "yes", "reason": "Safety risk"})
    draft.refresh_from_db()
    assert not draft.is_published and draft.archive_reason == "Safety risk"


def test_admin_search_finds_by_alias(editor_client):
    make_person(name="Erzhan Elshibayev", aliases=["Yerzhan Yelshibaev"])
    make_person(name="Natalia Sokolova")
    page = editor_client.get("/admin/prisoners/prisoner/", {"q": "yelshibaev"}).content.decode()
    assert "Erzhan Elshibayev" in page and "Natalia Sokolova" not in page


def test_change_lists_render(campaigner_client):
    make_demand(people=[make_person()])
    for model in (
        "prisoners/prisoner",
        "demands/demand",
        "core/campaign",
        "campaigns/keydate",
        "core/organisation",
        "core/source",
        "outreach/subscriber",
        "outreach/delivery",
    ):
        assert campaigner_client.get(f"/admin/{model}/").status_code == 200, model


def _jpeg_with_gps():
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"  # Make
    exif[0x013B] = "SecretPhotographer"  # Artist
    exif[0x010E] = "Taken at 43.35N 52.86E"  # ImageDescription
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_uploaded_photo_is_stripped_of_metadata(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    person = make_person(name="Photo Person")
    data = admin_form_data(editor_client.get(change_url(person)))
    original = _jpeg_with_gps()
    assert b"SecretPhotographer" in original
    data["photo"] = SimpleUploadedFile("roza-at-home.jpg", original, content_type="image/jpeg")
    assert editor_client.post(change_url(person), data).status_code == 302
    person.refresh_from_db()
    stored = person.photo.read()
    for secret in (b"SecretCameraMaker", b"SecretPhotographer", b"43.35N", b"Exif"):
        assert secret not in stored
    assert "roza" not in person.photo.name
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (40, 30) and not image.getexif()


def test_a_file_that_is_not_an_image_is_refused(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    person = make_person()
    data = admin_form_data(editor_client.get(change_url(person)))
    data["photo"] = SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = editor_client.post(change_url(person), data)
    assert response.status_code == 200
    assert not Prisoner.objects.get(pk=person.pk).photo


def test_editor_group_has_no_auth_permissions():
    from django.contrib.auth.models import Group

    permissions = Group.objects.get(name="Campaign editor").permissions
    assert set(permissions.values_list("content_type__app_label", flat=True)) == {
        "campaigns",
        "core",
        "prisoners",
        "demands",
        "auditlog",
        "reports",
        "accountability",
        "actions",
    }
    assert list(permissions.filter(content_type__app_label="auditlog").values_list("codename", flat=True)) == [
        "view_logentry"
    ]
    assert not User.objects.filter(is_superuser=True).exists()


def _failed_delivery():
    import datetime

    from outreach.models import Delivery, Subscriber

    subscriber = Subscriber.objects.create(email="reader@example.org")
    return Delivery.objects.create(
        subscriber=subscriber,
        occasion_key="keydate:1",
        occurrence=datetime.date(2026, 12, 16),
        lead_days=7,
        title="Anniversary",
        status=Delivery.Status.FAILED,
        attempts=6,
        last_error="421 Try later",
    )


def test_campaigner_sees_failed_deliveries_and_resends_one(campaigner_client):
    from outreach.models import Delivery

    delivery = _failed_delivery()
    listing = campaigner_client.get("/admin/outreach/delivery/", {"status__exact": "failed"}).content.decode()
    assert "Anniversary" in listing and "421 Try later" in listing
    campaigner_client.post("/admin/outreach/delivery/", {"action": "resend", "_selected_action": [delivery.pk]})
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (Delivery.Status.PENDING, 0, "")


def test_editors_cannot_see_subscribers_or_deliveries(editor_client):
    _failed_delivery()
    assert editor_client.get("/admin/outreach/subscriber/").status_code == 403
    assert editor_client.get("/admin/outreach/delivery/").status_code == 403


def test_editor_pauses_a_key_dates_reminders(editor_client):
    from .factories import make_key_date

    key_date = make_key_date()
    data = admin_form_data(editor_client.get(change_url(key_date)))
    data["reminders_paused"] = "on"
    assert editor_client.post(change_url(key_date), data).status_code == 302
    key_date.refresh_from_db()
    assert key_date.reminders_paused


def test_admin_login_still_logs_in(client, campaigner):
    response = client.post("/admin/login/", {"username": "campaigner", "password": "a-long-test-password-1"})
    assert response.status_code == 302


def test_an_editor_can_open_campaigns_organisations_and_sources(editor_client):
    # Their grants follow the models that moved to the core app (a fresh database had them on stale types).
    for record in (make_campaign(), make_organisation(), make_source()):
        assert editor_client.get(change_url(record)).status_code == 200, record


def test_an_alias_that_another_person_has_is_refused_until_the_editor_says_it_is_someone_else(editor_client):
    make_person(name="Erzhan Elshibayev")
    other = make_person(name="Someone")
    alias = {"aliases-TOTAL_FORMS": "1", "aliases-0-name": "Elshibayev Erzhan", "aliases-0-kind": "spelling"}
    response = submit_change(editor_client, other, **alias)
    assert "This name already belongs to Erzhan Elshibayev" in response.content.decode()
    assert not other.aliases.exists()
    response = submit_change(editor_client, other, **alias, **{"aliases-0-namesake_confirmed": "on"})
    assert response.status_code == 302
    assert list(other.aliases.values_list("name", flat=True)) == ["Elshibayev Erzhan"]
