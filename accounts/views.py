"""The admin sign-in, guarded against password guessing without handing anyone a way to lock a
campaigner out, and, where 2FA is required, the second factor (accounts.two_factor).

django-axes counts failures per (account, address) pair (settings: AXES_*), so a spray of wrong
passwords from one address blocks that address for that account only, and guesses from many
addresses never block the campaigner's own. On top, one address that fails on many accounts is
slowed by ADMIN_LOGIN_FAILURES_PER_IP; only failures count, so a busy office is never stopped by
its own correct sign-ins. Addresses come from core.client_ip (the proxy's header).

With 2FA a wrong code is a failed sign-in like a wrong password, for both counts, and the page
says the same either way, so it never tells a guesser that the password was right.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib import auth as django_auth
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_ratelimit.core import is_ratelimited

from . import two_factor
from .forms import AdminLanguageForm
from .models import administrators, choose_language, chosen_language, roles_of


def login(request, extra_context=None):
    if two_factor.needs_enrolment(request.user):
        return redirect("admin_2fa_enrol")
    if request.method != "POST":
        return admin.site.login(request, extra_context)
    if _address_failures(request, count=False):
        return _too_many_failures()
    response = admin.site.login(request, extra_context)
    if response.status_code == 200:  # the form again, with its error: a failed attempt
        _address_failures(request, count=True)
    elif two_factor.needs_enrolment(request.user):
        return redirect("admin_2fa_enrol")
    return response


@never_cache
@sensitive_post_parameters("otp_token")
def enrol(request):
    """Enrolment of the authenticator app, for a signed-in staff member who has none yet. The
    secret is on this page only (QR code and text), never in an address; the recovery codes are
    shown once, in the answer to the confirming code, and never again."""
    if not two_factor.required():
        raise Http404
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return redirect_to_login(request.get_full_path(), reverse("admin_login"))
    if two_factor.is_enrolled(user):
        return redirect("admin:index")
    if request.method == "POST" and "sign_out" in request.POST:
        django_auth.logout(request)
        return redirect("admin_login")
    device = two_factor.pending_app_device(user, request.session)
    error = None
    if request.method == "POST":
        if _address_failures(request, count=False):
            return _too_many_failures()
        codes = two_factor.confirm_enrolment(device, request.POST.get("otp_token"))
        if codes is not None:
            otp_login(request, device)
            request.session.cycle_key()  # a new session key for the now verified session
            return _recovery_codes_page(request, codes, enrolled=True)
        _address_failures(request, count=True)
        error = _("That code did not match. Check the time on your phone, wait for the next code and try again.")
    secret = two_factor.b32_secret(device)
    return TemplateResponse(
        request,
        "admin/two_factor/enrol.html",
        {
            **admin.site.each_context(request),
            "title": _("Set up two-factor sign-in"),
            "qr_code": two_factor.qr_code_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "error": error,
        },
    )


@never_cache
def recovery_codes(request):
    """New recovery codes, replacing the old ones; the page (under admin_view) needs a verified session."""
    if not two_factor.required():
        raise Http404
    error = None
    if request.method == "POST":
        # A current code from the app, not just a session: a session left open or stolen must not be
        # able to mint second factors of its own and void the owner's.
        if _address_failures(request, count=False):
            return _too_many_failures()
        if two_factor.verify_app_code(request.user, request.POST.get("otp_token")):
            return _recovery_codes_page(request, two_factor.new_recovery_codes(request.user), enrolled=False)
        _address_failures(request, count=True)
        error = _("That code did not match the one your app shows now.")
    return TemplateResponse(
        request,
        "admin/two_factor/recovery_codes.html",
        {
            **admin.site.each_context(request),
            "title": _("Recovery codes"),
            "codes_left": two_factor.recovery_codes_left(request.user),
            "error": error,
        },
    )


def _recovery_codes_page(request, codes, enrolled):
    return TemplateResponse(
        request,
        "admin/two_factor/recovery_codes.html",
        {
            **admin.site.each_context(request),
            "title": _("Your recovery codes"),
            "codes": codes,
            "enrolled": enrolled,
        },
    )


@never_cache
def language(request):
    """The staff member's own choice of the admin's language (under admin_view: staff only)."""
    form = AdminLanguageForm(request.POST or None, initial={"language": chosen_language(request.user)})
    if request.method == "POST" and form.is_valid():
        choose_language(request.user, form.cleaned_data["language"])
        return redirect("admin:index")
    return TemplateResponse(
        request,
        "admin/language.html",
        {**admin.site.each_context(request), "title": _("Language of the admin"), "form": form},
    )


def permission_denied(request, exception):
    """A 403 (handler403). In the admin, for staff, in their language: their role does not allow this,
    and who can do it. Elsewhere, Django's own with our page (templates/403.html)."""
    user = getattr(request, "user", None)
    in_admin = request.path_info.startswith(f"/{settings.ADMIN_URL}")
    if not (in_admin and user is not None and user.is_authenticated and user.is_staff):
        return defaults.permission_denied(request, exception)
    back = request.headers.get("Referer", "")
    if not back or not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("admin:index")
    return render(
        request,
        "admin/403.html",
        {
            **admin.site.each_context(request),
            "title": _("Not allowed for your role"),
            "roles": roles_of(user),
            "administrators": [] if user.is_superuser else administrators(),
            "reason": str(exception) if exception is not None and str(exception) else "",
            "back": back,
        },
        status=403,
    )


def _too_many_failures():
    return HttpResponse(
        _("Too many failed sign-ins from this address. Wait a while and try again."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )


def _address_failures(request, count):
    return is_ratelimited(
        request,
        group="admin-login-failures",
        key="core.client_ip.visitor_key",
        rate=settings.ADMIN_LOGIN_FAILURES_PER_IP,
        increment=count,
    )
