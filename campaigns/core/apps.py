from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "campaigns.core"
    label = "core"
    verbose_name = _("Campaigns, organisations and sources")

    def ready(self):
        from django.contrib.auth.models import Group, User  # noqa: PLC0415 (models load after apps)

        from .audit import audited  # noqa: PLC0415

        # Who became staff or an administrator, and when, is part of the record's security.
        audited(User, exclude_fields=["password", "last_login"])
        audited(Group)
