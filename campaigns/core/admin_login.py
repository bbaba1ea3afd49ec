"""The admin sign-in, guarded against password guessing without handing anyone a way to lock a
campaigner out.

django-axes counts failures per (account, address) pair (settings: AXES_*), so a spray of wrong
passwords from one address blocks that address for that account only, and guesses from many
addresses never block the campaigner's own. On top, one address that fails on many accounts is
slowed by ADMIN_LOGIN_FAILURES_PER_IP; only failures count, so a busy office is never stopped by
its own correct sign-ins. Addresses come from campaigns.core.client_ip (the proxy's header).
"""

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited


def attempted_username(request, credentials=None):
    """The account a sign-in names, as django-axes counts it: "Campaigner" and "campaigner " are
    one account to a guesser, so they share one count."""
    source = credentials or (request.POST if request is not None else {})
    return (source.get("username") or "").strip().lower()


def login(request, extra_context=None):
    if request.method != "POST":
        return admin.site.login(request, extra_context)
    if _address_failures(request, count=False):
        return HttpResponse(_("Too many failed sign-ins from this address. Wait a while and try again."), status=429,
                            content_type="text/plain; charset=utf-8")
    response = admin.site.login(request, extra_context)
    if response.status_code == 200:  # the form again, with its error: a failed attempt
        _address_failures(request, count=True)
    return response


def _address_failures(request, count):
    return is_ratelimited(request, group="admin-login-failures", key="ip", rate=settings.ADMIN_LOGIN_FAILURES_PER_IP,
                          increment=count)
