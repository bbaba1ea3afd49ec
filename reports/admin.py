from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_base import AuditedAdmin

from . import services
from .models import Report

SUBMITTED = (
    "reference",
    "kind",
    "received_at",
    "language",
    "subject_link",
    "name_given",
    "where_and_when",
    "text",
    "contact",
)


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ("outcome", "outcome_note", "source")

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"]
        if outcome == Report.Outcome.DRAFTED and not self.instance.draft_id:
            raise forms.ValidationError(_('Use the action "Make a draft person" from the list: it makes the record.'))
        return outcome


def _change_url(record):
    return reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])


@admin.register(Report)
class ReportAdmin(AuditedAdmin):
    """The moderation queue: new reports first; staff record what they did with each."""

    form = ReportForm
    list_display = ("reference", "kind", "received_at", "outcome", "subject_link", "handled_by")
    list_filter = ("outcome", "kind")
    readonly_fields = (*SUBMITTED, "draft_link", "handled_by", "handled_at")
    autocomplete_fields = ("source",)
    actions = ["make_draft"]
    fieldsets = (
        (_("What was sent (never public)"), {"fields": SUBMITTED}),
        (
            _("What was done"),
            {"fields": ("outcome", "outcome_note", "source", "draft_link", "handled_by", "handled_at")},
        ),
    )

    def has_add_permission(self, request):
        return False  # reports come from the public forms only

    @admin.display(description=_("about"))
    def subject_link(self, report):
        subject = report.subject
        if subject is None:
            return "—"
        return format_html('<a href="{}">{}</a>', _change_url(subject), subject)

    @admin.display(description=_("draft record"))
    def draft_link(self, report):
        if report.draft_id is None:
            return "—"
        return format_html('<a href="{}">{}</a>', _change_url(report.draft), report.draft)

    def save_model(self, request, obj, form, change):
        if not form.has_changed():
            return  # opened and saved as it was: nothing was done, who handled it stays as it was
        services.resolve(
            obj,
            form.cleaned_data["outcome"],
            request.user,
            form.cleaned_data["outcome_note"],
            form.cleaned_data["source"],
        )

    @admin.action(description=_("Make a draft person from each selected case report"), permissions=["change"])
    def make_draft(self, request, queryset):
        for report in queryset.filter(kind=Report.Kind.CASE):
            person = services.make_draft(report, request.user)
            self.message_user(request, _("Draft record made: %(name)s") % {"name": person}, messages.SUCCESS)
