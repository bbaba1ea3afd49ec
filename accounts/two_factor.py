"""The second factor for staff: a code from an authenticator app (TOTP, django-otp), with
single-use recovery codes for a lost phone (docs/deployment.md).

A staff member enrols once, at the first sign-in after 2FA is required: the password alone then
opens the enrolment page and nothing else. From then on the admin wants the password and a code.
An administrator with shell access resets a lost device with `manage.py reset_2fa`.
"""

import io
import re
from base64 import b32encode

import qrcode
import qrcode.image.svg
from auditlog.models import LogEntry
from django.conf import settings
from django.core import checks
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.audit import recorded_as

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODES = 10
# Authenticator apps show six digits; recovery codes are eight letters and digits (StaticToken).
APP_CODE = re.compile(r"^\d{6}$")


def required():
    return settings.ADMIN_REQUIRE_2FA


def deploy_check(app_configs=None, **kwargs):
    """`check --deploy` warns when production runs without the second factor (it can be turned off,
    say for a first deploy, but not unnoticed)."""
    if settings.DEBUG or required():
        return []
    return [
        checks.Warning(
            "DJANGO_ADMIN_REQUIRE_2FA is off: staff sign in to the admin with a password alone.",
            hint="Unset DJANGO_ADMIN_REQUIRE_2FA (on by default in production).",
            id="accounts.W001",
        )
    ]


def is_enrolled(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def is_verified(user):
    """The session was verified with one of the user's devices (django-otp's OTPMiddleware)."""
    return getattr(user, "otp_device", None) is not None


def needs_enrolment(user):
    """Signed in with the password, 2FA required, no authenticator app yet: only enrolment is open."""
    return required() and user.is_authenticated and user.is_active and user.is_staff and not is_enrolled(user)


def normalised(code):
    # People type codes as the apps show them ("123 456") and recovery codes as printed.
    return re.sub(r"[\s-]", "", code or "").lower()


def verify(user, code):
    """The device that accepts this code (one use only), or None.

    The code's shape picks the device, so a typo in an app code never uses up the throttle of the
    recovery codes, and a wrong code is tried against one device only. Each device slows repeated
    failures by itself (django-otp's throttling); the sign-in counts them as failed sign-ins too."""
    code = normalised(code)
    if not code:
        return None
    model = TOTPDevice if APP_CODE.match(code) else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            allowed, _ = device.verify_is_allowed()
            if allowed and device.verify_token(code):
                return device
    return None


PENDING_KEY = "two_factor_pending_device"


def pending_app_device(user, session):
    """The unconfirmed app device this session's enrolment shows: the same on a reload, so the
    secret already scanned stays valid, but a new one in any other session. A secret shown to
    someone else who had the password (and left without confirming) is then never the one the
    owner scans: opening enrolment discards every other unconfirmed device of the user."""
    pending = TOTPDevice.objects.devices_for_user(user, confirmed=False)
    device = pending.filter(pk=session.get(PENDING_KEY)).first()
    if device is None:
        pending.delete()
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
        session[PENDING_KEY] = device.pk
    return device


def verify_app_code(user, code):
    """Whether `code` is the one the user's confirmed app shows now (recovery codes do not count)."""
    code = normalised(code)
    return bool(APP_CODE.match(code)) and verify(user, code) is not None


def b32_secret(device):
    """The secret as authenticator apps take it when typed in (when the QR code cannot be scanned)."""
    return b32encode(device.bin_key).decode()


def confirm_enrolment(device, code):
    """Confirms the app device if `code` is the one it shows now; returns the new recovery codes,
    or None when the code is wrong."""
    code = normalised(code)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _ = device.verify_is_allowed()
        if not (APP_CODE.match(code) and allowed and device.verify_token(code)):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Left-overs from an enrolment in another tab: only the confirmed device signs in.
        TOTPDevice.objects.devices_for_user(device.user, confirmed=False).delete()
        return new_recovery_codes(device.user)


def new_recovery_codes(user):
    """Replaces the user's recovery codes with RECOVERY_CODES fresh ones, returned to show once.
    The replacement is in the audit trail (the codes are not)."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        LogEntry.objects.log_create(
            device,
            force_log=True,
            action=LogEntry.Action.UPDATE,
            changes={"recovery codes": ["", f"{RECOVERY_CODES} new codes made"]},
        )
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset(user, source, actor=None):
    """Removes all of the user's devices, so that the next sign-in enrols again. Returns what went,
    by kind; the deletions are in the audit log as coming from `source`."""
    removed = {}
    with recorded_as(source, actor), transaction.atomic():
        for device in list(devices_for_user(user, confirmed=None)):
            kind = device._meta.verbose_name
            removed[kind] = removed.get(kind, 0) + 1
            device.delete()
    return removed


def qr_code_svg(text):
    """The QR code as inline SVG markup: no image address that could leak the secret, no script; on
    white, to scan in the admin's dark theme too."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=12, border=4)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    # Without the XML declaration, which HTML does not allow; the markup is the library's own paths.
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308
