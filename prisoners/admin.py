import datetime

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from core.admin_base import (
    STATUS_FIELDS,
    PartInline,
    SourcedFormSet,
    StatusAdmin,
    StatusChangeForm,
    StatusHistoryInline,
)
from core.attention import attention_check, changelist
from core.dates import local_today
from core.publishing import Visibility

from .admin_import import ImportPeopleMixin  # the people list's import page
from .images import sanitise_photo
from .models import Alias, Charge, Prisoner, PrisonerStatusChange, Sentence, TimelineEvent


class AliasForm(forms.ModelForm):
    namesake_confirmed = forms.BooleanField(
        label=_("Someone else with this name"),
        required=False,
        help_text=_("Tick only after checking that the other record with this name is someone else."),
    )

    class Meta:
        model = Alias
        fields = ("name", "kind")

    def clean(self):
        # Read by Alias.clean(), which the model form calls after this.
        self.instance.namesake_confirmed = self.cleaned_data.get("namesake_confirmed", False)
        return super().clean()


class AliasInline(PartInline, admin.TabularInline):
    model = Alias
    form = AliasForm
    extra = 1


class ChargeInline(PartInline, TranslationTabularInline):
    model = Charge
    formset = SourcedFormSet
    extra = 0
    autocomplete_fields = ("sources",)


class SentenceInline(PartInline, admin.StackedInline):
    model = Sentence
    formset = SourcedFormSet
    extra = 0
    autocomplete_fields = ("sources",)
    fields = (
        ("kind", "years", "months", "days"),
        ("handed_down_on", "handed_down_on_precision", "court"),
        ("starts_on", "ends_on"),
        "sources",
    )


class TimelineEventInline(PartInline, TranslationStackedInline):
    model = TimelineEvent
    formset = SourcedFormSet
    extra = 0
    autocomplete_fields = ("sources",)
    fields = (("date", "date_precision", "kind", "grade", "is_public"), "title", "description", "sources")


class PrisonerStatusHistoryInline(StatusHistoryInline):
    model = PrisonerStatusChange


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Not verified for %(days)d days or more") % {"days": settings.RECORD_STALE_DAYS}),
            ("never", _("Never verified")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.not_verified_since(local_today() - datetime.timedelta(days=settings.RECORD_STALE_DAYS))
        if self.value() == "never":
            return queryset.filter(last_verified_on__isnull=True)
        return queryset


class SourcingFilter(admin.SimpleListFilter):
    title = _("sources")
    parameter_name = "sourcing"

    def lookups(self, request, model_admin):
        return [("missing", _("A public fact cites no source"))]

    def queryset(self, request, queryset):
        return queryset.with_unsourced_facts() if self.value() == "missing" else queryset


def _stale_profiles():
    day = local_today() - datetime.timedelta(days=settings.RECORD_STALE_DAYS)
    return Prisoner.objects.filter(visibility=Visibility.PUBLISHED).not_verified_since(day)


attention_check(
    ngettext_lazy(
        "%(n)d published profile not checked against its sources for the last %(days)d days",
        "%(n)d published profiles not checked against their sources for the last %(days)d days",
        "n",
    ),
    lambda: _stale_profiles().count(),
    lambda: changelist(Prisoner, "verified=stale&visibility__exact=published"),
    lambda: {"days": settings.RECORD_STALE_DAYS},
)
attention_check(
    ngettext_lazy(
        "%(n)d person with a fact that cites no source (the public does not see that fact)",
        "%(n)d people with a fact that cites no source (the public does not see those facts)",
        "n",
    ),
    lambda: Prisoner.objects.with_unsourced_facts().count(),
    lambda: changelist(Prisoner, "sourcing=missing"),
)


class PrisonerForm(StatusChangeForm):
    namesake_confirmed = forms.BooleanField(
        label=_("A different person with the same name"),
        required=False,
        help_text=_("Tick only after checking that an existing record with this name is someone else."),
    )

    class Meta:
        model = Prisoner
        fields = "__all__"

    def clean(self):
        # Read by Prisoner.clean(), which the model form calls after this.
        self.instance.namesake_confirmed = self.cleaned_data.get("namesake_confirmed", False)
        return super().clean()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo is not self.initial.get("photo") and hasattr(photo, "content_type"):
            return sanitise_photo(photo)
        return photo


@admin.register(Prisoner)
class PrisonerAdmin(ImportPeopleMixin, TranslationAdmin, StatusAdmin):
    form = PrisonerForm
    list_display = (
        "name",
        "status",
        "arrested_on",
        "expected_release",
        "demand_count",
        "event_count",
        "visibility",
        "last_verified_on",
    )
    list_filter = (
        VerificationFilter,
        SourcingFilter,
        "status",
        "visibility",
        "consent",
        "campaigns",
        "region",
        "affiliation",
    )
    readonly_fields = ("last_verified_on",)
    actions = [*StatusAdmin.actions, "mark_verified"]
    # The search itself is `Prisoner.objects.search` (folded names and aliases); see get_search_results.
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("affiliation", "campaigns", "sources")
    inlines = [AliasInline, ChargeInline, SentenceInline, TimelineEventInline, PrisonerStatusHistoryInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "namesake_confirmed",
                    "slug",
                    "native_name",
                    "summary",
                    "biography",
                    ("photo", "photo_credit"),
                )
            },
        ),
        (_("Status"), {"fields": STATUS_FIELDS}),
        (
            _("Detention"),
            {
                "fields": (
                    ("arrested_on", "arrested_on_precision"),
                    ("released_on", "released_on_precision"),
                    ("died_on", "died_on_precision"),
                    "facility",
                    "postal_address",
                )
            },
        ),
        (_("Background"), {"fields": (("country", "region"), "occupation", "affiliation", "campaigns", "sources")}),
        (
            _("Private: never shown publicly"),
            {
                "fields": ("family_contacts", "lawyer_contacts", "consent_notes", "internal_notes"),
                "classes": ("collapse",),
            },
        ),
        (
            _("Publishing"),
            {"fields": ("visibility", "consent", "archive_reason", "reminders_paused", "last_verified_on")},
        ),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("sentences")
            .annotate(demand_count=Count("demands", distinct=True), event_count=Count("events", distinct=True))
        )

    @admin.action(description=_("Mark as verified today (checked against the sources)"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = queryset.mark_verified(local_today())
        self.message_user(
            request, ngettext("%d record marked as verified.", "%d records marked as verified.", count) % count
        )

    def get_search_results(self, request, queryset, search_term):
        return queryset.search(search_term), False

    @admin.display(description=_("expected release"))
    def expected_release(self, person):
        return person.expected_release

    @admin.display(description=_("demands"), ordering="demand_count")
    def demand_count(self, person):
        return person.demand_count

    @admin.display(description=_("events"), ordering="event_count")
    def event_count(self, person):
        return person.event_count

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("family_contacts", "lawyer_contacts", "consent_notes", "internal_notes"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field and db_field.name in ("name_ru", "name_kk"):
            field.help_text = _("A rendering of the name in Cyrillic, not a sourced fact.")
        return field
