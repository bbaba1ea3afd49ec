from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.admin_base import STATUS_FIELDS, StatusAdmin, StatusChangeForm, StatusHistoryInline

from .models import Demand, DemandStatusChange


class DemandStatusHistoryInline(StatusHistoryInline):
    model = DemandStatusChange


class DemandForm(StatusChangeForm):
    class Meta:
        model = Demand
        fields = "__all__"


@admin.register(Demand)
class DemandAdmin(TranslationAdmin, StatusAdmin):
    form = DemandForm
    list_display = ("title", "status", "kind", "campaign", "first_raised_on", "people_count", "visibility")
    list_filter = ("status", "kind", "visibility", "campaign", "addressees")
    search_fields = ("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("campaign", "addressees", "backers", "prisoners", "sources")
    list_select_related = ("campaign",)
    inlines = [DemandStatusHistoryInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "description", "campaign", "first_raised_on")}),
        (_("Status"), {"fields": STATUS_FIELDS}),
        (_("Who"), {"fields": ("addressees", "backers", "prisoners")}),
        (_("Evidence"), {"fields": ("sources",)}),
        (_("Private"), {"fields": ("internal_notes",), "classes": ("collapse",)}),
        (_("Publishing"), {"fields": ("visibility", "archive_reason")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("prisoners", distinct=True))

    @admin.display(description=_("people"), ordering="people_count")
    def people_count(self, demand):
        return demand.people_count
