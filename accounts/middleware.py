import time

from django.conf import settings
from django.contrib import auth
from django.utils import translation

from .models import admin_language

# Session keys of the staff session's clock, in seconds since the epoch.
SIGNED_IN_AT = "staff_signed_in_at"
LAST_SEEN_AT = "staff_last_seen_at"
# The last-seen time is written at most this often: a session saved on every request would churn
# the session table for a clock that only needs to be right to the minute.
LAST_SEEN_RESOLUTION = 60


class StaffSessionExpiryMiddleware:
    """Signs a staff member out ADMIN_IDLE_MINUTES after their last request, and SESSION_COOKIE_AGE
    after they signed in however active they were (writing the last-seen time renews the cookie, so
    without this an active session would never end). Visitors have no session: nothing is written
    for them and no cookie is set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff:
            self._keep_time(request)
        return self.get_response(request)

    @staticmethod
    def _keep_time(request):
        now, session = int(time.time()), request.session
        signed_in, seen = session.get(SIGNED_IN_AT), session.get(LAST_SEEN_AT)
        idle = now - seen > settings.ADMIN_IDLE_MINUTES * 60 if seen is not None else False
        expired = now - signed_in > settings.SESSION_COOKIE_AGE if signed_in is not None else False
        if idle or expired:
            auth.logout(request)
            return
        if signed_in is None:
            session[SIGNED_IN_AT] = now
        if seen is None or now - seen >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN_AT] = now


class AdminLanguageMiddleware:
    """Every admin page, the sign-in and two-factor pages included, in the staff member's language
    (accounts.models.admin_language). After the authentication, to know who asks. LocaleMiddleware
    alone would give the admin English whatever the browser says: with i18n_patterns and no prefix for
    English, it makes every unprefixed address English, and the admin has one address for all.
    Public pages are left to LocaleMiddleware: their language is in their address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(f"/{settings.ADMIN_URL}"):
            translation.activate(admin_language(request.user, request.headers.get("Accept-Language")))
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
