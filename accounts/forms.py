"""The admin's sign-in form: the password and, where 2FA is required, the code (accounts.two_factor);
a staff member's choice of the admin's language."""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils import translation
from django.utils.translation import gettext_lazy

from . import two_factor


def attempted_username(request, credentials=None):
    """The account a sign-in names, as django-axes counts it: "Campaigner" and "campaigner " are
    one account to a guesser, so they share one count."""
    source = credentials or (request.POST if request is not None else {})
    return (source.get("username") or "").strip().lower()


class TwoFactorAuthenticationForm(AdminAuthenticationForm):
    """The password and a code from the authenticator app (or a recovery code). A staff member who
    has not enrolled yet signs in with the password alone, and is then shown enrolment only."""

    otp_token = forms.CharField(
        label=gettext_lazy("Code"),
        required=False,
        max_length=32,
        strip=True,
        help_text=gettext_lazy("Six digits from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none"}),
    )
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": gettext_lazy(
            "Please enter the correct %(username)s, password and code for a staff account. After a wrong "
            "code, wait a few seconds before the next try."
        ),
    }

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and two_factor.is_enrolled(user):
            device = two_factor.verify(user, cleaned.get("otp_token"))
            if device is None:
                # The password was right, the code was not: a failed sign-in for django-axes too.
                user_login_failed.send(
                    sender=__name__, credentials={"username": cleaned.get("username")}, request=self.request
                )
                raise self.get_invalid_login_error()
            user.otp_device = device  # django-otp marks the session verified when auth.login runs
        return cleaned


class AdminLanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language named in itself: someone who cannot read the current one still finds theirs.
        self.fields["language"].choices = [
            ("", gettext_lazy("The language your browser asks for")),
            *((code, _in_itself(code, name)) for code, name in settings.LANGUAGES),
        ]


def _in_itself(code, name):
    with translation.override(code):
        return str(name)
