from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.admin_base import STATUS_FIELDS, LanguageLabels, StatusAdmin, StatusChangeForm, StatusHistoryInline
from core.attention import attention_check, changelist, follow_up
from prisoners.models import ENDED_STATUSES, Prisoner

from .models import Demand, DemandStatusChange


class DemandStatusHistoryInline(StatusHistoryInline):
    model = DemandStatusChange


class AttentionFilter(admin.SimpleListFilter):
    title = _("needs attention")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [
            ("overtaken", _("Release demanded, person free or dead")),
            ("unsourced", _("A status cites no source")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overtaken":
            return queryset.overtaken()
        if self.value() == "unsourced":
            return queryset.with_unsourced_facts()
        return queryset


attention_check(
    ngettext_lazy(
        "%(n)d release demand still open though the person is free or dead",
        "%(n)d release demands still open though the person is free or dead",
        "n",
    ),
    lambda: Demand.objects.overtaken().count(),
    lambda: changelist(Demand, "attention=overtaken"),
)
attention_check(
    ngettext_lazy(
        "%(n)d demand with a status that cites no source (the public does not see it)",
        "%(n)d demands with a status that cites no source (the public does not see them)",
        "n",
    ),
    lambda: Demand.objects.with_unsourced_facts().count(),
    lambda: changelist(Demand, "attention=unsourced"),
)


def _open_demands_of(person, new_status):
    if new_status not in ENDED_STATUSES:
        return Demand.objects.none()
    return Demand.objects.filter(prisoners=person).outstanding().order_by("title")


# A person freed or dead: their open demands are offered for update at once.
follow_up(Prisoner, _open_demands_of)


class DemandForm(StatusChangeForm):
    class Meta:
        model = Demand
        fields = "__all__"


@admin.register(Demand)
class DemandAdmin(LanguageLabels, TranslationAdmin, StatusAdmin):
    form = DemandForm
    # Few, short columns, so that the list fits a 1366-pixel screen beside the filters: the kind is a
    # filter, the date first raised and the people are on each demand's page.
    list_display = ("title", "status", "campaign", "visibility", "last_changed")
    list_filter = (AttentionFilter, "status", "kind", "visibility", "campaign", "addressees")
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
