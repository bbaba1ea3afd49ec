from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.admin_base import AuditedAdmin
from core.attention import attention_check, changelist

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
        fields = ("outcome", "outcome_note", "source", "change")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "change" in self.fields:
            # Only the changes that could have made the correction: its record's, since it arrived.
            self.fields["change"].queryset = self.instance.changes_since_received()
            self.fields["change"].label_from_instance = _describe_change

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"]
        if outcome == Report.Outcome.DRAFTED and not self.instance.draft_id:
            raise forms.ValidationError(_('Use the action "Make a draft person" from the list: it makes the record.'))
        return outcome


def _describe_change(entry):
    return f"{entry.timestamp:%Y-%m-%d %H:%M} · {entry.actor or '—'} · {entry.object_repr} · {entry.changes_str}"[:200]


def _change_url(record):
    return reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])


class ChangeLinkFilter(admin.SimpleListFilter):
    title = _("change linked")
    parameter_name = "linked"

    def lookups(self, request, model_admin):
        return [("missing", _("Made, with no change linked"))]

    def queryset(self, request, queryset):
        return queryset.made_without_a_change() if self.value() == "missing" else queryset


attention_check(
    ngettext_lazy("%(n)d report or correction waiting", "%(n)d reports and corrections waiting", "n"),
    lambda: Report.objects.to_review().count(),
    lambda: changelist(Report, "outcome__exact=new"),
)
attention_check(
    ngettext_lazy(
        "%(n)d correction closed as made with no change of the record linked",
        "%(n)d corrections closed as made with no change of the record linked",
        "n",
    ),
    lambda: Report.objects.made_without_a_change().count(),
    lambda: changelist(Report, "linked=missing"),
)


@admin.register(Report)
class ReportAdmin(AuditedAdmin):
    """The moderation queue: new reports first; staff record what they did with each."""

    form = ReportForm
    list_display = ("reference", "kind", "received_at", "outcome", "subject_link", "handled_by")
    list_filter = ("outcome", "kind", ChangeLinkFilter)
    readonly_fields = (*SUBMITTED, "draft_link", "handled_by", "handled_at")
    autocomplete_fields = ("source",)
    actions = ["make_draft"]
    fieldsets = (
        (_("What was sent (never public)"), {"fields": SUBMITTED}),
        (
            _("What was done"),
            {"fields": ("outcome", "outcome_note", "source", "change", "draft_link", "handled_by", "handled_at")},
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
            form.cleaned_data.get("change"),
        )

    @admin.action(description=_("Make a draft person from each selected case report"), permissions=["change"])
    def make_draft(self, request, queryset):
        for report in queryset.filter(kind=Report.Kind.CASE):
            person = services.make_draft(report, request.user)
            self.message_user(request, _("Draft record made: %(name)s") % {"name": person}, messages.SUCCESS)
