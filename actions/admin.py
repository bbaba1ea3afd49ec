"""Actions and their addressees in the admin, with who took part: over time and by language."""

import math

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.admin_base import AuditedAdmin, LanguageLabels, PublishableAdmin
from core.attention import attention_check, changelist
from core.charts import Point, line_chart
from core.dates import local_today
from core.languages import in_every_language

from .models import Action, Addressee, Participation
from .services import participants_by_language, participants_over_time

# Rows of the boxes for the long texts, each in three languages: Django's ten rows apiece made a long page.
TEXT_ROWS = {
    column: rows
    for field, rows in (("steps", 4), ("message", 8), ("outcome", 2), ("postal_address", 3))
    for column in in_every_language(field)
}


class AttentionFilter(admin.SimpleListFilter):
    title = _("needs attention")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("past_deadline", _("Published, open, its deadline passed with no outcome"))]

    def queryset(self, request, queryset):
        if self.value() == "past_deadline":
            return queryset.published().past_deadline()
        return queryset


attention_check(
    ngettext_lazy(
        "%(n)d published action past its deadline with no outcome (close it, with the outcome if there is one)",
        "%(n)d published actions past their deadline with no outcome (close them, with the outcome if there is one)",
        "n",
    ),
    lambda: Action.objects.published().past_deadline().count(),
    lambda: changelist(Action, "attention=past_deadline"),
)


class ActionForm(forms.ModelForm):
    # No Meta: the admin makes the form's fields from its fieldsets, with this class as the base.

    def clean(self):
        cleaned = super().clean()
        # The model checks the outcome as the admin's language reads it; an outcome written only in
        # Russian or Kazakh would slip past it, and English is what the other languages fall back to.
        english = f"outcome_{settings.LANGUAGE_CODE}"
        if not (cleaned.get(english) or "").strip() and any(
            (cleaned.get(column) or "").strip() for column in in_every_language("outcome") if column != english
        ):
            self.add_error(english, _("Give the outcome in English too: it is shown where no translation is."))
        return cleaned


class TextRows:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in TEXT_ROWS:
            kwargs["widget"] = AdminTextareaWidget(attrs={"rows": TEXT_ROWS[db_field.name]})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


# The page in the order of the everyday job: how it stands first, then what it asks, of whom, for whom.
# Each language's column by name, as the person's page names them (prisoners/admin.py).
STATUS = (_("Status"), {"fields": ("status", *in_every_language("outcome"), ("outcome_on", "outcome_source"))})
ESSENTIALS = (
    _("The action"),
    {
        "fields": (
            *in_every_language("title"),
            "slug",
            "kind",
            ("campaign", "key_date"),
            ("starts_on", "deadline", "deadline_time"),
            *in_every_language("summary"),
            *in_every_language("steps"),
        )
    },
)
MESSAGE = (
    _("Whom to write to, and the suggested message"),
    {
        "fields": (
            "addressees",
            "write_in",
            *(column for field in ("message_subject", "salutation", "message") for column in in_every_language(field)),
        )
    },
)
LINKS = (_("Whom and what it is for, and the sources"), {"fields": ("prisoners", "demands", "sources")})
PUBLISHING = (_("Publishing"), {"fields": ("visibility", "archive_reason")})


@admin.register(Action)
class ActionAdmin(TextRows, LanguageLabels, TranslationAdmin, PublishableAdmin):
    form = ActionForm
    list_display = ("title", "status", "deadline", "campaign", "participants", "visibility")
    list_filter = (AttentionFilter, "status", "campaign", "visibility")
    search_fields = in_every_language("title")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("campaign", "key_date", "addressees", "prisoners", "demands", "sources", "outcome_source")
    list_select_related = ("campaign",)
    # The page is long (three languages of every text): the status, at the top, can be saved from there.
    save_on_top = True

    def get_fieldsets(self, request, obj=None):
        # A new action starts with what it is; its status (open, no outcome) waits until there is news.
        return (
            [STATUS, ESSENTIALS, MESSAGE, LINKS, PUBLISHING]
            if obj
            else [ESSENTIALS, MESSAGE, LINKS, PUBLISHING, STATUS]
        )

    def get_queryset(self, request):
        return super().get_queryset(request).with_participants()

    @admin.display(description=_("participants"), ordering="participants")
    def participants(self, action):
        return action.participants

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["participation"] = participation(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


def participation(action):
    """What the change page shows of who took part: a chart over time and a table by language."""
    series = participants_over_time(action, local_today(action.campaign.timezone))
    counts = participants_by_language(action)
    channels = Participation.Channel.choices
    rows = [
        (name, [counts.get((code, channel), 0) for channel, _label in channels]) for code, name in settings.LANGUAGES
    ]
    rows = [(name, [*figures, sum(figures)]) for name, figures in rows]
    totals = [sum(figures[i] for _name, figures in rows) for i in range(len(channels) + 1)]
    chart = ""
    if series:
        chart = line_chart(
            [Point(date_format(day, "j M"), total) for day, total in series],
            chart_id="chart-participants",
            labels_every=math.ceil(len(series) / 6),
            title=_("Participants over time"),
            description=_(
                "Everyone counted up to each day, on the site and from emails; the figures are in the table "
                "under the chart."
            ),
        )
    return {
        "chart": chart,
        "series": series,
        "channels": [label for _value, label in channels],
        "rows": rows,
        "totals": totals,
    }


@admin.register(Addressee)
class AddresseeAdmin(TextRows, LanguageLabels, TranslationAdmin, AuditedAdmin):
    list_display = ("name", "organisation", "email", "phone")
    list_filter = ("organisation",)
    search_fields = (*in_every_language("name"), "email")
    autocomplete_fields = ("organisation",)
    list_select_related = ("organisation",)
    fields = (
        *in_every_language("name"),
        "organisation",
        "email",
        *in_every_language("postal_address"),
        "phone",
        "web_form",
        "public_account",
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"  # an office's site typed without its scheme
        return super().formfield_for_dbfield(db_field, request, **kwargs)
