"""The names django-otp and django-axes show in the admin without marking them for translation.

django-otp writes its devices' names, field names and help texts as plain strings, Django derives its
apps' names from their labels ("Otp_Totp"), and django-axes gives its status column no label, so no
catalogue can reach them. At start-up each is wrapped, as the English it is, in a lazy translation; the
Russian and Kazakh of django-otp's are in locale_upstream/ with the other strings Django and the packages
leave untranslated (docs/languages.md).
"""

from axes.admin import AccessAttemptAdmin
from django.apps import apps
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_NAMES = {
    "otp_totp": gettext_lazy("Two-factor sign-in: authenticator apps"),
    "otp_static": gettext_lazy("Two-factor sign-in: recovery codes"),
    "axes": gettext_lazy("Sign-in protection"),
}
UNMARKED_MODELS = (TOTPDevice, StaticDevice)


def _translated(text):
    # A variable, not a literal: makemessages leaves it to locale_upstream/ rather than adding it to ours.
    return gettext_lazy(str(text)) if text else text


def mark_for_translation():
    for label, name in APP_NAMES.items():
        apps.get_app_config(label).verbose_name = name
    for model in UNMARKED_MODELS:
        options = model._meta
        options.verbose_name = _translated(options.verbose_name)
        options.verbose_name_plural = _translated(options.verbose_name_plural)
        for field in options.concrete_fields:
            field.verbose_name = _translated(field.verbose_name)
            field.help_text = _translated(field.help_text)
    AccessAttemptAdmin.status.short_description = gettext_lazy("Status")
