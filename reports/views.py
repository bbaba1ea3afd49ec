import logging

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from demands.models import Demand
from prisoners.models import Prisoner

from . import services
from .forms import CaseReportForm, CorrectionForm
from .models import Report

log = logging.getLogger(__name__)


@require_http_methods(["GET", "POST"])
def report_case(request):
    return _intake(request, CaseReportForm, Report.Kind.CASE, "reports/case.html", {})


@require_http_methods(["GET", "POST"])
def correct_person(request, slug):
    person = get_object_or_404(Prisoner.objects.published().at_public_address(slug))
    return _intake(request, CorrectionForm, Report.Kind.CORRECTION, "reports/correction.html", {"person": person})


@require_http_methods(["GET", "POST"])
def correct_demand(request, slug):
    demand = get_object_or_404(Demand.objects.published(), slug=slug)
    return _intake(request, CorrectionForm, Report.Kind.CORRECTION, "reports/correction.html", {"demand": demand})


def _intake(request, form_class, kind, template, about):
    context = {"subject": next(iter(about.values()), None)}
    if request.method == "GET":
        return render(request, template, {**context, "form": form_class()})
    form = form_class(request.POST)
    if form.is_bot():
        log.info("Report dropped: the honeypot field was filled")
        return _thanks(request, reference=None)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    # Per address only, and only valid reports count: no one can use up the campaign's own allowance.
    if is_ratelimited(
        request, group="reports", key="core.client_ip.visitor_key", rate=settings.REPORT_RATE_PER_IP, increment=True
    ):
        limited = _("Too many reports from this connection. Please wait an hour and try again, or write to us.")
        return render(request, template, {**context, "form": form, "limited": limited}, status=429)
    report = services.receive(
        kind,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        **about,
        **{name: form.cleaned_data[name] for name in form.fields if name != "website"},
    )
    return _thanks(request, report.reference)


def _thanks(request, reference):
    # Answered directly, not by a redirect: the reference is for the sender's eyes, not for an address
    # that ends up in a history or a proxy's log.
    return render(request, "reports/thanks.html", {"reference": reference})
