from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from core.admin_base import AuditedAdmin, PartInline, PublishableAdmin
from core.models import Campaign, Organisation

from .models import KeyDate


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ("name", "kind", "country", "member_count")
    list_filter = ("kind", "country")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members", distinct=True))

    @admin.display(description=_("people"), ordering="member_count")
    def member_count(self, organisation):
        return organisation.member_count


class KeyDateInline(PartInline, TranslationStackedInline):
    model = KeyDate
    extra = 0
    fields = (
        ("title", "kind"),
        ("date", "time", "recurrence", "leap_day_rule"),
        "place",
        ("visibility", "archive_reason"),
    )
    show_change_link = True


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin, PublishableAdmin):
    list_display = ("name", "starts_on", "timezone", "people_count", "demand_count", "visibility")
    list_filter = ("visibility",)
    search_fields = ("name", "summary")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organisations", "sources")
    inlines = [KeyDateInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary", "description", ("starts_on", "ends_on"), "timezone")}),
        (_("Links"), {"fields": ("organisations", "sources")}),
        (_("Private"), {"fields": ("internal_notes",)}),
        (_("Publishing"), {"fields": ("visibility", "archive_reason")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(people_count=Count("prisoners", distinct=True), demand_count=Count("demands", distinct=True))
        )

    @admin.display(description=_("people"), ordering="people_count")
    def people_count(self, campaign):
        return campaign.people_count

    @admin.display(description=_("demands"), ordering="demand_count")
    def demand_count(self, campaign):
        return campaign.demand_count


@admin.register(KeyDate)
class KeyDateAdmin(TranslationAdmin, PublishableAdmin):
    list_display = ("title", "campaign", "kind", "date", "recurrence", "next_date", "reminders_paused", "visibility")
    list_filter = ("kind", "recurrence", "visibility", "reminders_paused", "campaign")
    search_fields = ("title", "place", "description")
    date_hierarchy = "date"
    autocomplete_fields = ("campaign", "prisoners", "demands", "sources")
    list_select_related = ("campaign",)
    fieldsets = (
        (None, {"fields": ("campaign", "title", "kind", "description", "place")}),
        (_("When"), {"fields": ("date", "time", "recurrence", "leap_day_rule", "reminders_paused")}),
        (_("Links"), {"fields": ("prisoners", "demands", "sources")}),
        (_("Publishing"), {"fields": ("visibility", "archive_reason")}),
    )

    @admin.display(description=_("next date"))
    def next_date(self, key_date):
        return key_date.next_occurrence()
