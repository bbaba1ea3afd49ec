"""A refusal (403) says why and who can: for staff in the admin, in their language; for the public, plainly."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory

from accounts.views import permission_denied

from .factories import make_person

pytestmark = pytest.mark.django_db


def test_an_editor_is_told_their_role_and_who_can(editor_client, campaigner, django_user_model):
    django_user_model.objects.create_superuser("second-admin", "admin2@example.org", "another-long-password-3")
    response = editor_client.get("/admin/auth/user/", HTTP_REFERER="http://testserver/admin/prisoners/prisoner/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Not allowed for your role" in page
    assert "This action is not allowed for your role (campaign editor)." in page
    assert "The administrators of this tracker can do it, or give you the right to: campaigner, second-admin." in page
    assert 'href="/admin/prisoners/prisoner/"' in page  # back where they came from
    assert "Log out" in page  # the admin's own page, not a bare "403 Forbidden"


def test_the_refusal_is_in_the_staff_member_s_language(editor_client):
    person = make_person()
    response = editor_client.post(
        f"/admin/prisoners/prisoner/{person.pk}/delete/", {"post": "yes"}, HTTP_ACCEPT_LANGUAGE="kk"
    )
    page = response.content.decode()
    assert response.status_code == 403 and '<html lang="kk"' in page
    assert "Басты бет" in page  # "Home", from locale/kk


def test_the_link_back_never_leaves_the_site(editor_client):
    page = editor_client.get("/admin/auth/user/", HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in page and '<a href="/admin/">' in page


def test_an_administrator_is_told_that_nobody_can(campaigner):
    administrator = Client()
    administrator.force_login(campaigner)
    entry = LogEntry.objects.first()
    response = administrator.post(f"/admin/auditlog/logentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert "Nobody can do this here, administrators included" in response.content.decode()


def test_the_reason_given_with_a_refusal_is_shown(editor):
    request = RequestFactory().get("/admin/prisoners/prisoner/1/delete/", HTTP_ACCEPT_LANGUAGE="ru")
    request.user = editor
    response = permission_denied(request, PermissionDenied("Only an administrator can purge a record."))
    assert response.status_code == 403 and "Only an administrator can purge a record." in response.content.decode()


def test_the_public_get_a_plain_friendly_page(editor):
    for user in (AnonymousUser(), editor):  # staff too, outside the admin
        request = RequestFactory().get("/prisoners/")
        request.user = user
        response = permission_denied(request, PermissionDenied())
        page = response.content.decode()
        assert response.status_code == 403
        assert "<h1>Not allowed</h1>" in page and "This is not open to the public." in page
        assert 'href="/"' in page and "administrators" not in page
