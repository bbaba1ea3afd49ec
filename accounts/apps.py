from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Staff sign-in")

    def ready(self):
        from django.contrib.auth.models import Group, User  # noqa: PLC0415 (models load after apps)
        from django_otp.plugins.otp_static.models import StaticDevice  # noqa: PLC0415
        from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: PLC0415

        from core.audit import audited  # noqa: PLC0415

        from . import labels, two_factor  # noqa: PLC0415

        checks.register(two_factor.deploy_check, checks.Tags.security, deploy=True)
        labels.mark_for_translation()

        # Who became staff or an administrator, and when, is part of the record's security.
        audited(User, exclude_fields=["password", "last_login"])
        audited(Group)
        # Who enrolled, confirmed or lost a second factor; never the secrets (the key, the codes,
        # which live in StaticToken and are not recorded) nor the counters each sign-in moves.
        for device_model in (TOTPDevice, StaticDevice):
            audited(device_model, include_fields=["user", "name", "confirmed"])
