"""Two-factor sign-in for staff (django-otp): the password alone opens nothing but enrolment."""

import datetime
import io
import re

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from core.publishing import Visibility

from .conftest import PASSWORD
from .factories import make_person

pytestmark = pytest.mark.django_db

LOGIN, ADMIN, ENROL, RECOVERY = (
    "/admin/login/",
    "/admin/",
    "/admin/two-factor/enrol/",
    "/admin/two-factor/recovery-codes/",
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
OFFICE, ATTACKER = "198.51.100.7", "203.0.113.9"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def required(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def app(campaigner):
    return TOTPDevice.objects.create(user=campaigner, name=two_factor.APP_DEVICE_NAME, confirmed=True)


@pytest.fixture
def recovery_codes(campaigner):
    return two_factor.new_recovery_codes(campaigner)


def code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def sign_in(client, otp_token="", password=PASSWORD, address=OFFICE, username="campaigner"):
    data = {"username": username, "password": password, "otp_token": otp_token, "next": ADMIN}
    return client.post(LOGIN, data, REMOTE_ADDR=address)


def error_of(response):
    return re.search(r'<p class="errornote">\s*(.*?)\s*</p>', response.content.decode(), re.S).group(1)


def test_the_password_alone_does_not_open_the_admin(client, app, clock):
    assert sign_in(client).status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_the_password_and_a_code_from_the_app_open_it(client, app, clock):
    response = sign_in(client, code(app))
    assert response.status_code == 302 and response.url == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_a_code_from_the_app_signs_in_once(client, app, clock):
    used = code(app)
    assert sign_in(client, used).status_code == 302
    client.logout()
    assert sign_in(client, used).status_code == 200


def test_a_wrong_code_reads_like_a_wrong_password(client, app, clock):
    wrong_code = error_of(sign_in(client, "000000" if code(app) != "000000" else "111111"))
    clock.shift(60)
    assert error_of(sign_in(client, code(app), password="wrong")) == wrong_code


def test_wrong_codes_count_toward_the_lockout(client, app, clock):
    wrong = "000000" if code(app) != "000000" else "111111"
    codes = [sign_in(client, wrong, address=ATTACKER).status_code for _ in range(6)]
    assert codes == [200, 200, 200, 200, 429, 429]
    clock.shift(datetime.timedelta(minutes=2))  # past django-otp's own slowing of the device
    assert sign_in(client, code(app), address=ATTACKER).status_code == 429  # even the right code, from there
    assert sign_in(client, code(app), address=OFFICE).status_code == 302


def test_a_recovery_code_works_once_and_only_once(client, app, recovery_codes):
    assert sign_in(client, recovery_codes[0].upper()).status_code == 302  # as typed from paper
    assert client.get(ADMIN).status_code == 200
    client.logout()
    assert sign_in(client, recovery_codes[0]).status_code == 200
    assert two_factor.recovery_codes_left(app.user) == 9


def test_enrolment_end_to_end(client, campaigner, clock):
    response = sign_in(client)
    assert response.status_code == 302 and response.url == ENROL
    assert client.get(ADMIN).url.startswith(LOGIN)
    assert client.get(LOGIN).url == ENROL  # the admin sends an unenrolled staff member here
    page = client.get(ENROL)
    device = TOTPDevice.objects.get(user=campaigner, confirmed=False)
    assert "<svg" in page.content.decode() and two_factor.b32_secret(device)[:4] in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert client.get(ENROL).context["qr_code"] == page.context["qr_code"]  # a reload keeps the secret scanned

    assert "errornote" in client.post(ENROL, {"otp_token": "12345"}).content.decode()
    clock.shift(60)
    done = client.post(ENROL, {"otp_token": code(device)})
    assert done.status_code == 200 and len(done.context["codes"]) == two_factor.RECOVERY_CODES
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(ADMIN).status_code == 200
    assert client.get(ENROL).status_code == 302  # once enrolled, the page is gone
    client.logout()

    clock.shift(60)
    assert sign_in(client).status_code == 200  # from now on a code is needed
    assert sign_in(client, code(device)).status_code == 302


def test_the_secrets_stay_out_of_the_audit_log(client, campaigner, clock):
    sign_in(client)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=campaigner)
    codes = client.post(ENROL, {"otp_token": code(device)}).context["codes"]
    call_command("reset_2fa", "campaigner", stdout=io.StringIO())
    logged = " ".join(str(entry.changes) for entry in LogEntry.objects.all())
    assert "confirmed" in logged
    for secret in [device.key, two_factor.b32_secret(device), *codes]:
        assert secret not in logged


def test_only_a_signed_in_staff_member_reaches_enrolment(client, django_user_model):
    assert client.get(ENROL).url.startswith(LOGIN)
    client.force_login(django_user_model.objects.create_user("reader", password=PASSWORD))
    assert client.get(ENROL).url.startswith(LOGIN)
    assert not TOTPDevice.objects.exists()


def test_new_recovery_codes_replace_the_old_ones(client, app, recovery_codes, clock):
    sign_in(client, code(app))
    assert "10 unused recovery codes" in client.get(RECOVERY).content.decode()
    assert "codes" not in client.post(RECOVERY).context  # a session alone makes none
    assert two_factor.recovery_codes_left(app.user) == 10
    clock.shift(30)
    fresh = client.post(RECOVERY, {"otp_token": code(app)}).context["codes"]
    assert len(fresh) == 10 and not set(fresh) & set(recovery_codes)
    entries = LogEntry.objects.get_for_object(StaticDevice.objects.get(user=app.user))
    assert any("recovery codes" in entry.changes_dict for entry in entries)
    client.logout()
    clock.shift(30)
    assert sign_in(client, recovery_codes[1]).status_code == 200
    clock.shift(5)  # django-otp slows the next try after a wrong code
    assert sign_in(client, fresh[0]).status_code == 302


def test_recovery_codes_need_a_verified_session(client, campaigner, app):
    client.force_login(campaigner)  # the password, no code
    assert client.get(RECOVERY).url.startswith(LOGIN)
    assert client.post(RECOVERY).url.startswith(LOGIN)
    assert not StaticDevice.objects.exists()


def test_reset_2fa_removes_the_devices_and_the_next_sign_in_enrols_again(client, campaigner, app, recovery_codes):
    out = io.StringIO()
    call_command("reset_2fa", "campaigner", stdout=out)
    assert "Removed from campaigner: 1 TOTP device, 1 static device" in out.getvalue()
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    deletions = LogEntry.objects.filter(action=LogEntry.Action.DELETE)
    assert deletions.count() == 2
    assert all(entry.additional_data == {"source": "command reset_2fa"} for entry in deletions)
    assert sign_in(client, recovery_codes[0]).url == ENROL
    call_command("reset_2fa", "campaigner", stdout=out)
    assert "had no two-factor device" in out.getvalue()


def test_reset_2fa_names_an_unknown_user():
    with pytest.raises(Exception, match="No user 'nobody'"):
        call_command("reset_2fa", "nobody")


def test_without_2fa_the_demo_login_needs_no_phone(client, settings, tmp_path):
    settings.ADMIN_REQUIRE_2FA, settings.DEBUG, settings.VAR_DIR = False, True, tmp_path
    out = io.StringIO()
    call_command("demo_admin", stdout=out)
    password = out.getvalue().rsplit("password: ", 1)[1].strip()
    response = client.post(LOGIN, {"username": "admin", "password": password, "next": ADMIN})
    assert response.status_code == 302 and response.url == ADMIN
    assert client.get(ADMIN).status_code == 200
    assert client.get(ENROL).status_code == 404


def test_the_admin_lists_devices_without_their_secrets_and_cannot_remove_them(client, app, clock):
    sign_in(client, code(app))
    page = client.get(f"/admin/otp_totp/totpdevice/{app.pk}/change/")
    assert page.status_code == 200 and "campaigner" in page.content.decode()
    assert app.key not in page.content.decode() and two_factor.b32_secret(app) not in page.content.decode()
    assert client.post(f"/admin/otp_totp/totpdevice/{app.pk}/delete/", {"post": "yes"}).status_code == 403
    assert TOTPDevice.objects.filter(pk=app.pk).exists()


def test_a_secret_shown_in_another_session_is_never_the_one_the_owner_enrols(campaigner, clock):
    intruder, owner = Client(), Client()
    sign_in(intruder)  # knows the password, looks at the enrolment page, leaves without confirming
    seen = intruder.get(ENROL).context["secret"]
    sign_in(owner)
    shown = owner.get(ENROL).context["secret"]
    assert shown != seen
    device = TOTPDevice.objects.get(user=campaigner, confirmed=False)
    assert owner.post(ENROL, {"otp_token": code(device)}).status_code == 200
    assert two_factor.b32_secret(TOTPDevice.objects.get(user=campaigner, confirmed=True)) != seen.replace(" ", "")


def test_a_password_alone_does_not_show_unpublished_photos(client, campaigner, app):
    person = make_person(visibility=Visibility.DRAFT, photo=SimpleUploadedFile("x.png", PNG, content_type="image/png"))
    client.force_login(campaigner)  # the password, no code
    assert client.get(f"/media/{person.photo.name}").status_code == 404
