from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from campaigns.core.admin_base import STATUS_FIELDS, StatusAdmin, StatusChangeForm, StatusHistoryInline

from .images import sanitise_photo
from .models import Alias, Charge, Prisoner, PrisonerStatusChange, Sentence, TimelineEvent


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1


class ChargeInline(admin.TabularInline):
    model = Charge
    extra = 0
    autocomplete_fields = ("sources",)


class SentenceInline(admin.StackedInline):
    model = Sentence
    extra = 0
    autocomplete_fields = ("sources",)
    fields = (("kind", "years", "months", "days"), ("handed_down_on", "court"), ("starts_on", "ends_on"), "sources")


class TimelineEventInline(admin.StackedInline):
    model = TimelineEvent
    extra = 0
    autocomplete_fields = ("sources",)
    fields = (("date", "date_precision", "kind", "is_public"), "title", "description", "sources")


class PrisonerStatusHistoryInline(StatusHistoryInline):
    model = PrisonerStatusChange


class PrisonerForm(StatusChangeForm):
    class Meta:
        model = Prisoner
        fields = "__all__"

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo is not self.initial.get("photo") and hasattr(photo, "content_type"):
            return sanitise_photo(photo)
        return photo


@admin.register(Prisoner)
class PrisonerAdmin(StatusAdmin):
    form = PrisonerForm
    list_display = ("name", "status", "arrested_on", "expected_release", "demand_count", "event_count", "visibility")
    list_filter = ("status", "visibility", "campaigns", "region", "affiliation")
    # The search itself is `Prisoner.objects.search` (folded names and aliases); see get_search_results.
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("affiliation", "campaigns", "sources")
    inlines = [AliasInline, ChargeInline, SentenceInline, TimelineEventInline, PrisonerStatusHistoryInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "native_name", "summary", "biography", ("photo", "photo_credit"))}),
        (_("Status"), {"fields": STATUS_FIELDS}),
        (_("Detention"), {"fields": (("arrested_on", "released_on", "died_on"), "facility", "postal_address")}),
        (_("Background"), {"fields": (("country", "region"), "occupation", "affiliation", "campaigns", "sources")}),
        (
            _("Private: never shown publicly"),
            {"fields": ("family_contacts", "lawyer_contacts", "consent_notes", "internal_notes"), "classes": ("collapse",)},
        ),
        (_("Publishing"), {"fields": ("visibility", "reminders_paused")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("sentences")
            .annotate(demand_count=Count("demands", distinct=True), event_count=Count("events", distinct=True))
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
        return super().formfield_for_dbfield(db_field, request, **kwargs)
