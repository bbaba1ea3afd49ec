"""The admin's shared pieces: publishing actions, the delete rule, and status changes with evidence."""

from auditlog.mixins import AuditlogHistoryAdminMixin
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Source
from .status import require_evidence, save_with_history


class AuditedAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    """A record's admin with its audit log one click away (the "Audit log" column)."""

    show_auditlog_history_link = True


class PublishableAdmin(AuditedAdmin):
    """Publish and unpublish actions; deleting follows `Publishable.deletable_by`."""

    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected records"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.publish()
        self.message_user(request, ngettext("%d record published.", "%d records published.", count) % count)

    @admin.action(description=_("Unpublish the selected records (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.unpublish()
        self.message_user(request, ngettext("%d record unpublished.", "%d records unpublished.", count) % count)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.deletable_by(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # The bulk delete cannot tell drafts from published records; editors delete drafts one at a time.
        if not request.user.is_superuser:
            actions.pop("delete_selected", None)
        return actions


class StatusChangeForm(forms.ModelForm):
    status_note = forms.CharField(
        label=_("Why the status changed"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded in the status history with your name and the date."),
    )
    status_source_url = forms.URLField(
        label=_("Link to the evidence"), required=False, assume_scheme="https",
        help_text=_("Needed when the status changes, unless you pick a source below."),
    )

    status_source = forms.ModelChoiceField(label=_("Source of the change"), queryset=Source.objects.all(), required=False)

    def status_changed(self):
        return self.instance.pk is not None and "status" in self.changed_data

    def clean(self):
        cleaned = super().clean()
        if self.status_changed():
            try:
                require_evidence(cleaned.get("status_source"), cleaned.get("status_source_url"))
            except ValidationError as error:
                self.add_error("status_source_url", error)
        return cleaned


STATUS_FIELDS = ("status", "status_note", "status_source", "status_source_url")


class StatusAdmin(PublishableAdmin):
    """Every save goes through `save_with_history`, so a change of status is always recorded."""

    form = StatusChangeForm

    def save_model(self, request, obj, form, change):
        recorded = save_with_history(
            obj,
            previous_status=form.initial.get("status") if change else None,
            by=request.user,
            note=form.cleaned_data.get("status_note", ""),
            source=form.cleaned_data.get("status_source"),
            source_url=form.cleaned_data.get("status_source_url", ""),
        )
        if recorded:
            messages.info(request, _("The change of status is recorded in the history."))


class StatusHistoryInline(admin.TabularInline):
    """The history, read-only: it is written by the service and never edited by hand."""

    fields = ("changed_at", "old_status_label", "new_status_label", "changed_by_name", "note", "source", "source_url")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Status history")

    @admin.display(description=_("from"))
    def old_status_label(self, change):
        return change.get_old_status_display()

    @admin.display(description=_("to"))
    def new_status_label(self, change):
        return change.get_new_status_display()

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
