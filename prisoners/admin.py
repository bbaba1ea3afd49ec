import datetime

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from core.admin_base import (
    STATUS_FIELDS,
    LanguageLabels,
    PartInline,
    SourcedFormSet,
    StatusAdmin,
    StatusChangeForm,
    StatusHistoryInline,
)
from core.attention import attention_check, changelist
from core.dates import local_today
from core.languages import in_every_language
from core.publishing import Visibility

from .admin_import import ImportPeopleMixin  # the people list's import page
from .images import sanitise_photo
from .models import PRIVATE_FIELDS, Alias, Charge, Prisoner, PrisonerStatusChange, Sentence, TimelineEvent


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


class ChargeInline(PartInline, LanguageLabels, TranslationStackedInline):
    model = Charge
    formset = SourcedFormSet
    extra = 0
    autocomplete_fields = ("sources",)
    # Stacked, not a table: a row of the three descriptions, the date and the sources was wider than a
    # 1366-pixel screen, its "Delete" out of sight.
    fields = ("article", ("charged_on", "charged_on_precision"), "description", "sources")


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


class TimelineEventInline(PartInline, LanguageLabels, TranslationStackedInline):
    model = TimelineEvent
    formset = SourcedFormSet
    extra = 0
    autocomplete_fields = ("sources",)
    fields = (("date", "date_precision", "kind", "grade", "is_public"), "title", "description", "sources")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("description"):
            # Three descriptions per event, each ten lines high by default, made the person's page
            # thousands of pixels long; the box grows when dragged.
            kwargs["widget"] = AdminTextareaWidget(attrs={"rows": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PrisonerStatusHistoryInline(StatusHistoryInline):
    model = PrisonerStatusChange
    # Folded under the status form: the history only grows, and is read, not edited.
    classes = ("collapse",)


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


# The person's page in parts, each a fieldset (a key of FIELDSETS) or the inline of that formset prefix,
# in the order of PrisonerAdmin.layout(). Each language's column is named, so that a row can hold two.
FIELDSETS = {
    "status": (_("Status"), {"fields": STATUS_FIELDS}),
    "name": (
        _("Name and photo"),
        {"fields": (*in_every_language("name"), "namesake_confirmed", ("photo", "photo_credit"))},
    ),
    # Set once and rarely touched: the address is made from the name, and the person's own spelling is
    # optional. Folded, and opened by Django when one of them has an error.
    "address": (
        _("Address of the page, and the name as the person writes it"),
        {"fields": ("slug", "native_name"), "classes": ("collapse",)},
    ),
    "detention": (
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
    "background": (
        _("Background"),
        {
            "fields": (
                *zip(in_every_language("country"), in_every_language("region"), strict=True),
                *in_every_language("occupation"),
                "affiliation",
                "campaigns",
                "sources",
            )
        },
    ),
    "publishing": (
        _("Publishing"),
        {"fields": ("visibility", "consent", "archive_reason", "reminders_paused", "last_verified_on")},
    ),
    "texts": (
        _("Summary and biography"),
        {"fields": (*in_every_language("summary"), *in_every_language("biography")), "classes": ("collapse",)},
    ),
    "private": (
        _("Private: never shown publicly"),
        {"fields": PRIVATE_FIELDS, "classes": ("collapse",)},
    ),
}
# What an editor changes most often comes first: the status (its history folded under it), then the
# name, then the facts with their charges, sentences and events; the long texts and the private fields
# last, folded. A new person starts with the name.
CHANGE_LAYOUT = (
    "status",
    "status_changes",
    "name",
    "address",
    "aliases",
    "detention",
    "background",
    "charges",
    "sentences",
    "events",
    "publishing",
    "texts",
    "private",
)
ADD_LAYOUT = ("name", "address", "aliases", "status", "status_changes", *CHANGE_LAYOUT[5:])

# The labels say which script and language each name is in; the person's own spelling is
# `native_name` (its label and help are the model's).
NAME_LABELS = {
    "name_en": (
        _("Name in Latin letters (English)"),
        _(
            "The name most used in English. English pages show it, and so do Russian and Kazakh pages while "
            "their own is empty."
        ),
    ),
    "name_ru": (
        _("Name in Russian"),
        _("As Russian pages write it, in Cyrillic. A rendering of the name, not a sourced fact."),
    ),
    "name_kk": (
        _("Name in Kazakh"),
        _(
            "As Kazakh pages write it, with the Kazakh letters (Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, І). A rendering of the name, "
            "not a sourced fact."
        ),
    ),
}


@admin.register(Prisoner)
class PrisonerAdmin(ImportPeopleMixin, LanguageLabels, TranslationAdmin, StatusAdmin):
    form = PrisonerForm
    # Few, short columns, so that the list fits a 1366-pixel screen beside the filters; dates, counts and
    # verification are on each person's page and in the filters.
    list_display = ("name", "status", "campaign_names", "visibility", "last_changed")
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
    # The page is long: the status, at the top, can be saved from there.
    save_on_top = True

    def layout(self, obj):
        return CHANGE_LAYOUT if obj is not None else ADD_LAYOUT

    def get_fieldsets(self, request, obj=None):
        return [FIELDSETS[key] for key in self.layout(obj) if key in FIELDSETS]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """The fieldsets and inlines in one sequence (`parts`), as admin/prisoners/prisoner/change_form.html
        shows them: Django puts every inline after every fieldset."""
        fieldsets = iter(context["adminform"])
        inlines = {inline.formset.prefix: inline for inline in context["inline_admin_formsets"]}
        parts = []
        for key in self.layout(obj):
            if key in FIELDSETS:
                parts.append({"fieldset": next(fieldsets), "index": len(parts)})
            elif key in inlines:
                parts.append({"inline": inlines.pop(key)})
        # An inline the layout does not name still shows, last, as Django would show it.
        parts += [{"inline": inline} for inline in inlines.values()]
        context["parts"] = parts
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("campaigns")

    @admin.action(description=_("Mark as verified today (checked against the sources)"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = queryset.mark_verified(local_today())
        self.message_user(
            request, ngettext("%d record marked as verified.", "%d records marked as verified.", count) % count
        )

    def get_search_results(self, request, queryset, search_term):
        return queryset.search(search_term), False

    @admin.display(description=_("campaigns"))
    def campaign_names(self, person):
        return ", ".join(str(campaign) for campaign in person.campaigns.all())

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in (*PRIVATE_FIELDS, "postal_address"):
            kwargs["widget"] = AdminTextareaWidget(attrs={"rows": 3})
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field and db_field.name in NAME_LABELS:
            field.label, field.help_text = NAME_LABELS[db_field.name]
        return field
