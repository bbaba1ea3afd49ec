"""The admin site: Django's, plus the second factor where ADMIN_REQUIRE_2FA is on (docs/deployment.md,
"Staff accounts and two-factor sign-in"). It is the default site (accounts.admin_app), so `admin.site` and every
app's registrations are this one."""

from django.contrib.admin import AdminSite
from django.urls import path

from core.attention import needs_attention

from . import two_factor, views
from .forms import TwoFactorAuthenticationForm


class TrackerAdminSite(AdminSite):
    # Read at each request, not at start-up, so the setting can change (tests, a new deploy).
    @property
    def login_form(self):
        return TwoFactorAuthenticationForm if two_factor.required() else None

    @property
    def login_template(self):
        return "admin/two_factor/login.html" if two_factor.required() else None

    def get_urls(self):
        # The staff member's language of the admin ("Language" at the top of every page).
        return [path("language/", self.admin_view(views.language), name="language"), *super().get_urls()]

    def index(self, request, extra_context=None):
        # What the record says against itself, registered by each app (core.attention).
        return super().index(request, {"needs_attention": needs_attention(), **(extra_context or {})})

    def has_permission(self, request):
        """As django-otp's OTPAdminSite: a staff member whose session has not been verified with a
        device is treated as not staff, so the password alone opens nothing but enrolment."""
        return super().has_permission(request) and (not two_factor.required() or two_factor.is_verified(request.user))
