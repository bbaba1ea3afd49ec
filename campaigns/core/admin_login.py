from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited


def _username(group, request):
    return request.POST.get("username", "").strip().lower()


def login(request, extra_context=None):
    """The admin login, with password guessing slowed per IP and per account."""
    if request.method == "POST":
        by_ip = is_ratelimited(request, group="admin-login-ip", key="ip", rate=settings.ADMIN_LOGIN_RATE_PER_IP,
                               increment=True)
        by_user = is_ratelimited(request, group="admin-login-user", key=_username,
                                 rate=settings.ADMIN_LOGIN_RATE_PER_USER, increment=True)
        if by_ip or by_user:
            return HttpResponse(_("Too many login attempts. Wait a while and try again."), status=429,
                                content_type="text/plain; charset=utf-8")
    return admin.site.login(request, extra_context)
