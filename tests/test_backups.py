"""A backup restores: every row and every photo, into an empty database; and it is unreadable without the key."""

import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from core.status import record_status_change
from demo.loader import load_demo
from outreach.models import Subscriber
from prisoners.images import sanitise_photo
from prisoners.models import Prisoner, Status

from .factories import cited_source

pytestmark = pytest.mark.django_db(transaction=True)


def _photo():
    picture = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(picture, "JPEG")
    return sanitise_photo(SimpleUploadedFile("face.jpg", picture.getvalue(), content_type="image/jpeg"))


def _counts():
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def test_a_backup_restores_every_row_and_photo_into_an_empty_database(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    person = Prisoner.objects.get(slug="erzhan-elshibayev")
    person.photo = _photo()
    person.family_contacts = "Sister, +7 701 111 22 33"
    person.save()
    record_status_change(person, Status.RELEASED, source=cited_source(), staff_note="Met him at the gate")
    Subscriber.objects.create(email="reader@example.org", language="kk")
    photo_name, photo_bytes = person.photo.name, person.photo.read()
    before = {label: n for label, n in _counts().items() if label not in ("core.CacheEntry", "core.PublicVersion")}

    backup = tmp_path / "tracker.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    content = backup.read_bytes()
    for secret in (b"Sister, +7 701", b"Met him at the gate", b"reader@example.org", b"Elshibayev"):
        assert secret not in content  # encrypted whole

    call_command("flush", "--noinput", verbosity=0)  # an empty, migrated database
    for file in settings.MEDIA_ROOT.rglob("*"):
        if file.is_file():
            file.unlink()
    assert not Prisoner.objects.exists()

    out = io.StringIO()
    call_command("restore", str(backup), stdout=out)
    assert "1 files" in out.getvalue()
    after = {label: n for label, n in _counts().items() if label in before}
    assert after == before
    restored = Prisoner.objects.get(slug="erzhan-elshibayev")
    assert restored.family_contacts == "Sister, +7 701 111 22 33" and restored.status == Status.RELEASED
    assert restored.status_changes.first().staff_note == "Met him at the gate"
    assert restored.photo.name == photo_name and restored.photo.read() == photo_bytes
    assert Subscriber.objects.get().language == "kk"


def test_a_backup_is_refused_into_a_database_that_holds_a_record(tmp_path):
    load_demo()
    backup = tmp_path / "tracker.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    with pytest.raises(Exception, match="already holds a record"):
        call_command("restore", str(backup), stdout=io.StringIO())
