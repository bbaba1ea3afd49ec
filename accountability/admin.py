from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from core.admin_base import PartInline, PublishableAdmin
from prisoners.models import TimelineEvent

from .models import Actor, OpenQuestion, Responsibility, require_sources


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, event):
        # Events have no admin of their own to search; the person's name tells them apart.
        return f"{event.prisoner} — {event}"


class ResponsibilityForm(forms.ModelForm):
    class Meta:
        model = Responsibility
        # The admin narrows these to its fieldsets (the inline leaves out the actor).
        fields = (
            "actor",
            "role",
            "grade",
            "what",
            "campaign",
            "prisoner",
            "event",
            "demand",
            "description",
            "sources",
            "staff_note",
            "visibility",
            "archive_reason",
        )
        field_classes = {"event": EventChoiceField}
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "staff_note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "event" in self.fields:
            self.fields["event"].queryset = TimelineEvent.objects.select_related("prisoner").order_by(
                "prisoner__name", "date"
            )

    def clean(self):
        cleaned = super().clean()
        try:
            require_sources(cleaned.get("visibility"), cleaned.get("sources"))
        except ValidationError as error:
            self.add_error("sources", error)
        return cleaned


RESPONSIBILITY_FIELDS = (
    ("role", "grade"),
    "what",
    "campaign",
    ("prisoner", "event", "demand"),
    "description",
    "sources",
    "staff_note",
    ("visibility", "archive_reason"),
)


class ResponsibilityInline(PartInline, TranslationStackedInline):
    model = Responsibility
    form = ResponsibilityForm
    extra = 0
    fields = RESPONSIBILITY_FIELDS
    autocomplete_fields = ("campaign", "prisoner", "demand", "sources")
    show_change_link = True


@admin.register(Actor)
class ActorAdmin(TranslationAdmin, PublishableAdmin):
    list_display = ("name", "kind", "organisation", "link_count", "visibility")
    list_filter = ("kind", "visibility")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organisation",)
    inlines = [ResponsibilityInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "organisation", "description")}),
        (_("Private"), {"fields": ("internal_notes",), "classes": ("collapse",)}),
        (_("Publishing"), {"fields": ("visibility", "archive_reason")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(link_count=Count("responsibilities", distinct=True))

    @admin.display(description=_("links"), ordering="link_count")
    def link_count(self, actor):
        return actor.link_count


@admin.register(Responsibility)
class ResponsibilityAdmin(TranslationAdmin, PublishableAdmin):
    form = ResponsibilityForm
    list_display = ("what", "actor", "role", "grade", "campaign", "prisoner", "visibility")
    list_filter = ("grade", "role", "campaign", "visibility", "actor__kind")
    search_fields = ("what", "description", "actor__name")
    autocomplete_fields = ("actor", "campaign", "prisoner", "demand", "sources")
    list_select_related = ("actor", "campaign", "prisoner")
    fieldsets = (
        (None, {"fields": ("actor", *RESPONSIBILITY_FIELDS[:-1])}),
        (_("Publishing"), {"fields": ("visibility", "archive_reason")}),
    )


@admin.register(OpenQuestion)
class OpenQuestionAdmin(TranslationAdmin, PublishableAdmin):
    list_display = ("question", "campaign", "position", "visibility")
    list_filter = ("campaign", "visibility")
    search_fields = ("question", "description")
    autocomplete_fields = ("campaign", "sources")
    list_select_related = ("campaign",)
