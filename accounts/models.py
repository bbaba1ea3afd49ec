"""Staff: each one's language of the admin, and the roles (who may do what, said on a refusal)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header


class StaffLanguage(models.Model):
    """The language a staff member reads the admin in; without a row (or with it empty), their browser's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="admin_language",
        verbose_name=_("staff member"),
    )
    language = models.CharField(
        _("language of the admin"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the language your browser asks for."),
    )

    class Meta:
        verbose_name = _("language of the admin")
        verbose_name_plural = _("languages of the admin")

    def __str__(self):
        return f"{self.user}: {self.language or '-'}"


def browser_language(accept_language):
    """The first language of an Accept-Language header that the site speaks (ru-RU counts as ru), else
    English. Not Django's get_language_from_request: that puts the public switcher's cookie first, and
    the admin's own choice is the preference below."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def chosen_language(user):
    """The language the staff member chose for the admin, or "" (their browser's)."""
    if not user.is_authenticated:
        return ""
    return StaffLanguage.objects.filter(user=user).values_list("language", flat=True).first() or ""


def admin_language(user, accept_language):
    """The language of the admin for this visitor: the staff member's choice, else their browser's."""
    return chosen_language(user) or browser_language(accept_language)


def choose_language(user, language):
    """Keeps `language` ("" for the browser's) as the staff member's language of the admin."""
    StaffLanguage.objects.update_or_create(user=user, defaults={"language": language})


# The staff roles: administrators (superusers) and the groups below, made by migrations of the apps that
# give them their rights ("Campaign editor": campaigns/migrations/0003_campaign_editor_group.py).
ROLE_NAMES = {"Campaign editor": _("campaign editor")}


def roles_of(user):
    """The staff member's roles, in the reader's language: "administrator", or their groups."""
    if user.is_superuser:
        return [_("administrator")]
    return [ROLE_NAMES.get(name, name) for name in user.groups.values_list("name", flat=True)] or [_("staff member")]


def administrators():
    """Who can do whatever a staff member's role does not allow: the instance's active administrators."""
    return get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("username")
