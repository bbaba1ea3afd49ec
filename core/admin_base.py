"""The admin's shared pieces: publishing actions, the delete rule, and status changes with evidence."""

from contextlib import nullcontext

from auditlog.mixins import AuditlogHistoryAdminMixin
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.fields import TranslationField

from .attention import to_review_after
from .audit import field_label
from .dates import Precision, local_today, partial_date
from .models import Source
from .protection import Protected, purging, record_refusal
from .publishing import Visibility
from .status import (
    Grade,
    complete_current_status,
    current_status_change,
    gaps_filled,
    require_after_current,
    require_evidence,
    require_past,
    save_with_history,
)
from .text import validate_marks

ADMIN_PURGE_REASON = "deleted by an administrator in the admin"


class AuditedAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    """A record's admin with its audit log one click away (the "Audit log" column).

    Deleting follows the record's `protection()`: an editor deletes what nothing protects; an
    administrator's deletion of a protected record is a purge, recorded as one.
    """

    show_auditlog_history_link = True

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser and _protection(obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        # Recorded here, outside the view's transaction, which the refusal (a 403) rolls back.
        if request.method == "POST" and not request.user.is_superuser:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and (why := _protection(obj)):
                record_refusal(obj, why)
        return super().delete_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs, request):
        # The bulk "delete selected" shows protected records as such ("cannot delete") instead of
        # failing on them halfway.
        deletable, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not request.user.is_superuser:
            refused = [(obj, why) for obj in objs if (why := _protection(obj))]
            for obj, why in refused:
                record_refusal(obj, why)
            protected = [*protected, *(f"{obj}: {why}" for obj, why in refused)]
        return deletable, counts, perms_needed, protected

    def delete_model(self, request, obj):
        with _purge_if_administrator(request):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with _purge_if_administrator(request):
            super().delete_queryset(request, queryset)


def _protection(obj):
    return obj.protection() if isinstance(obj, Protected) else ""


def _purge_if_administrator(request):
    return purging(request.user, ADMIN_PURGE_REASON) if request.user.is_superuser else nullcontext()


class ProtectedFormSet(forms.BaseInlineFormSet):
    purger = None  # the administrator whose deletions here are a purge, set by `PartInline`

    def clean(self):
        super().clean()
        if self.purger is None:
            for form in self.deleted_forms:
                if form.instance.pk and (why := form.instance.protection()):
                    raise ValidationError(
                        _("%(record)s cannot be deleted: %(why)s.") % {"record": form.instance, "why": why}
                    )

    def delete_existing(self, obj, commit=True):
        if commit and self.purger is not None:
            with purging(self.purger, ADMIN_PURGE_REASON):
                return super().delete_existing(obj, commit)
        return super().delete_existing(obj, commit)


class SourcedFormSet(ProtectedFormSet):
    """The facts of a record (events, charges, sentences): on a published record, or one being
    published, each public one cites a source. Checked here because the sources are many-to-many
    values, which the model cannot see before they are saved."""

    def clean(self):
        super().clean()
        record = self.instance
        if record.visibility != Visibility.PUBLISHED:
            return
        publishing = (
            record._state.adding
            or not type(record).objects.filter(pk=record.pk, visibility=Visibility.PUBLISHED).exists()
        )
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not (publishing or form.has_changed()):
                continue
            if data.get("is_public", True) and not data.get("sources"):
                form.add_error(
                    "sources",
                    _("Cite a source: this record is public, and every fact on it says where it comes from."),
                )


class PartInline:
    """An inline of a record's parts (aliases, events...): an editor cannot delete those of a record
    that is or was public; an administrator's deletion is a purge."""

    formset = ProtectedFormSet

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not request.user.is_superuser and obj.protection():
            return False
        return super().has_delete_permission(request, obj)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.purger = request.user if request.user.is_superuser else None
        return formset


class LanguageLabels:
    """Each language's column of a translated field labelled as the audit log names it, "Region (Russian)",
    instead of modeltranslation's "Region [ru]": an editor who reads Russian or Kazakh need not know the
    language codes. For a model admin or an inline, before modeltranslation's class."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(db_field, TranslationField):
            field.label = _lazy_field_label(db_field, db_field.name)
        return field


# Lazy, as a label declared in the code is: put into words in the language of the page that shows it.
_lazy_field_label = lazy(field_label, str)


class PublishableAdmin(AuditedAdmin):
    """Publish and unpublish actions; deleting follows `Publishable.protection`."""

    actions = ["publish", "unpublish"]

    @admin.display(description=_("last changed"), ordering="updated_at")
    def last_changed(self, record):
        """The day only, in the short form: a list column that fits beside the others."""
        return date_format(localtime(record.updated_at), "SHORT_DATE_FORMAT")

    @admin.action(description=_("Publish the selected records"), permissions=["change"])
    def publish(self, request, queryset):
        waiting = queryset.exclude(visibility=Visibility.PUBLISHED)
        refused = waiting.exclude(pk__in=waiting.ready_to_publish().values("pk"))
        if refused:
            self.message_user(
                request,
                _(
                    "Not published, because a fact on it cites no source: %(records)s. Cite a source for each "
                    "fact (or keep the fact private) and publish again."
                )
                % {
                    "records": "; ".join(
                        f"{record} ({', '.join(map(str, record.unsourced_facts()))})" for record in refused
                    )
                },
                messages.WARNING,
            )
        count = queryset.publish()
        self.message_user(request, ngettext("%d record published.", "%d records published.", count) % count)

    @admin.action(description=_("Unpublish the selected records (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        """Asks first: a page lists what would go offline and takes the reason, kept with each record
        and in the audit trail. The public addresses then answer 410 Gone."""
        going = queryset.filter(visibility=Visibility.PUBLISHED)
        reason = request.POST.get("reason", "").strip()
        if going.exists() and not (request.POST.get("confirmed") and reason):
            return TemplateResponse(
                request,
                "admin/unpublish_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Take these records offline?"),
                    "opts": self.model._meta,
                    "going": going,
                    "queryset": queryset,
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    "reason": reason,
                    "missing_reason": bool(request.POST.get("confirmed")),
                },
            )
        count = queryset.unpublish(reason)
        self.message_user(request, ngettext("%d record unpublished.", "%d records unpublished.", count) % count)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # The bulk delete cannot tell drafts from published records; editors delete drafts one at a time.
        if not request.user.is_superuser:
            actions.pop("delete_selected", None)
        return actions


class StatusChangeForm(forms.ModelForm):
    status_happened_on = forms.DateField(
        label=_("When did this happen?"),
        required=False,
        initial=local_today,
        # Compared with the value the page showed, not today when saved: a form opened before midnight
        # and saved after it has not been given a date.
        show_hidden_initial=True,
        widget=AdminDateWidget,
        help_text=_(
            "The day the status changed (for a new record: since when it has had this status), as the "
            "sources date it. Leave it empty only when nobody knows: the history then says it was recorded today."
        ),
    )
    status_happened_on_precision = forms.ChoiceField(
        label=_("Date of the change known to"), choices=Precision.choices, initial=Precision.DAY, required=False
    )
    status_note = forms.CharField(
        # The English column (note_en), named as such beside the Russian and Kazakh ones.
        label=_("Why the status changed, in English (public)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_marks],
        help_text=_("Shown publicly in the status history, with the date. Nothing private here: use the staff note."),
    )
    status_note_ru = forms.CharField(
        label=_("Why the status changed, in Russian (public)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "lang": "ru"}),
        validators=[validate_marks],
    )
    status_note_kk = forms.CharField(
        label=_("Why the status changed, in Kazakh (public)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "lang": "kk"}),
        validators=[validate_marks],
    )
    status_staff_note = forms.CharField(
        label=_("Staff note on the change (private)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history for staff only: never shown publicly."),
    )
    status_source_url = forms.URLField(
        label=_("Link to the evidence"),
        required=False,
        assume_scheme="https",
        # Says what to pick, not where: the picker stands beside this field (STATUS_FIELDS), and the help
        # text is shown under it.
        help_text=_(
            "Needed when the status changes, and for the status of a published record, unless you choose the "
            "source of the change. Given without a change of status, it is added to the current status if that "
            "has none."
        ),
    )

    status_source = forms.ModelChoiceField(
        label=_("Source of the change"), queryset=Source.objects.all(), required=False
    )
    status_grade = forms.ChoiceField(
        label=_("How sure is the change"),
        choices=Grade.choices,
        initial=Grade.REPORTED,
        required=False,
        help_text=_(
            "Confirmed: by a document or two independent sources. Reported: by one credible source. "
            "Alleged: claimed, not yet checked. Shown publicly beside the change."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            # A new record's status began some time ago: today would be a guess, and empty is "not known".
            self.fields["status_happened_on"].initial = None

    def status_changed(self):
        return self.instance.pk is not None and "status" in self.changed_data

    def publishing(self):
        return self.cleaned_data.get("visibility") == Visibility.PUBLISHED

    def clean(self):
        cleaned = super().clean()
        try:
            require_past(
                cleaned.get("status_happened_on"), cleaned.get("status_happened_on_precision") or Precision.DAY
            )
        except ValidationError as error:
            self.add_error("status_happened_on", error)
        if self.status_changed() and cleaned.get("status_happened_on"):
            try:
                require_after_current(
                    self.instance, cleaned["status_happened_on"], cleaned.get("status_happened_on_precision")
                )
            except ValidationError as error:
                self.add_error("status_happened_on", error)
        if self.status_changed() or (self.instance.pk is None and self.publishing()):
            # A change by hand, and the first status of a record published at once, cite their evidence.
            try:
                require_evidence(cleaned.get("status_source"), cleaned.get("status_source_url"))
            except ValidationError as error:
                self.add_error("status_source_url", error)
        elif self.instance.pk is not None:
            self._clean_completion()
        return cleaned

    def _clean_completion(self):
        """The status stays as it was: what the editor typed about it goes onto the current status where
        that has a gap, or is refused; nothing typed is dropped. A published record's current status
        must cite its source."""
        current = current_status_change(self.instance)
        given = self.completion()
        sourced_now = given.get("source") or given.get("source_url")
        if current is None:
            if self.publishing() and not sourced_now:
                self.add_error("status_source_url", _("Say where this status is documented: it will be public."))
            return
        if self.publishing() and not current.is_sourced and not sourced_now:
            self.add_error(
                "status_source_url",
                _("The current status cites no source, and a published record's status must: give its source here."),
            )
        try:
            gaps_filled(current, **given)
        except ValidationError as error:
            self.add_error("status_note", error)

    def completion(self):
        """What the editor typed about the current status when it does not change."""
        data = self.cleaned_data
        given = {
            "note_en": data.get("status_note", ""),
            "note_ru": data.get("status_note_ru", ""),
            "note_kk": data.get("status_note_kk", ""),
            "staff_note": data.get("status_staff_note", ""),
            "source": data.get("status_source"),
            "source_url": data.get("status_source_url", ""),
        }
        if "status_happened_on" in self.changed_data or "status_happened_on_precision" in self.changed_data:
            given |= {
                "happened_on": data.get("status_happened_on"),
                "happened_on_precision": data.get("status_happened_on_precision") or Precision.DAY,
            }
        if "status_grade" in self.changed_data:
            given["grade"] = data.get("status_grade")
        return given

    def status_evidence(self):
        """What the editor said about the change, as `save_with_history` takes it."""
        data = self.cleaned_data
        happened = {}
        if data.get("status_happened_on"):
            happened = {
                "happened_on": data["status_happened_on"],
                "happened_on_precision": data.get("status_happened_on_precision") or Precision.DAY,
            }
        return {
            **happened,
            # Each language's column by name: `note` alone would write the admin's own language.
            "note_en": data.get("status_note", ""),
            "note_ru": data.get("status_note_ru", "") or None,
            "note_kk": data.get("status_note_kk", "") or None,
            "staff_note": data.get("status_staff_note", ""),
            "grade": data.get("status_grade") or Grade.REPORTED,
            "source": data.get("status_source"),
            "source_url": data.get("status_source_url", ""),
        }


# In the order an editor gives a change: what, when, on what evidence and how sure, then the words.
STATUS_FIELDS = (
    "status",
    ("status_happened_on", "status_happened_on_precision"),
    ("status_source", "status_source_url"),
    "status_grade",
    "status_note",
    "status_note_ru",
    "status_note_kk",
    "status_staff_note",
)


class StatusAdmin(PublishableAdmin):
    """Every save goes through `save_with_history`, so a change of status is always recorded."""

    form = StatusChangeForm

    def save_model(self, request, obj, form, change):
        completed = {}
        if change and "status" not in form.changed_data:
            # First, so that a record published in this same save already has its status's source.
            completed = complete_current_status(obj, **form.completion())
        recorded = save_with_history(
            obj,
            previous_status=form.initial.get("status") if change else None,
            by=request.user,
            **form.status_evidence(),
        )
        if recorded:
            messages.info(request, _("The change of status is recorded in the history."))
            if to_review := to_review_after(obj, obj.status):
                links = format_html_join(", ", '<a href="{}">{}</a>', ((url, other) for other, url in to_review))
                messages.warning(
                    request,
                    format_html(
                        _("{record} is now {status}. Check whether these need updating too: {links}."),
                        record=obj,
                        status=obj.get_status_display(),
                        links=links,
                    ),
                )
        elif completed:
            names = ", ".join(
                str(type(obj).status_changes.rel.related_model._meta.get_field(f).verbose_name) for f in completed
            )
            messages.info(request, _("Added to the current status: %(fields)s.") % {"fields": names})


class StatusHistoryInline(admin.TabularInline):
    """The history, read-only: it is written by the service and never edited by hand."""

    fields = (
        "happened",
        "changed_at",
        "old_status_label",
        "new_status_label",
        "changed_by_name",
        "note",
        "staff_note",
        "source",
        "source_url",
        "grade",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Status history")

    @admin.display(description=_("happened"))
    def happened(self, change):
        return partial_date(change.happened_on, change.happened_on_precision)

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
