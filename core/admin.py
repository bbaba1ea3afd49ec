from auditlog.admin import LogEntryAdmin
from auditlog.filters import CIDFilter, ResourceTypeFilter
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .admin_base import AuditedAdmin
from .audit import changed_fields, changes_in_words, field_label
from .models import Source

# The staff log, filterable by who as well as by what and which action. Read-only, as auditlog
# makes it: not even an administrator can edit or delete an entry here.
admin.site.unregister(LogEntry)


class RecordTypeFilter(ResourceTypeFilter):
    """auditlog's filter by kind of record, named as the admin names them ("person", not "prisoner")."""

    title = _("type of record")

    def lookups(self, request, model_admin):
        used = ContentType.objects.filter(pk__in=model_admin.get_queryset(request).values("content_type_id"))
        kinds = ((kind.pk, capfirst(model._meta.verbose_name)) for kind in used if (model := kind.model_class()))
        return sorted(kinds, key=lambda kind: str(kind[1]))


@admin.register(LogEntry)
class StaffLogAdmin(LogEntryAdmin):
    """Changes in words (core.audit): labels, not column names."""

    list_display = [column for column in LogEntryAdmin.list_display if column != "cid_url"]
    list_filter = [
        *(f for f in LogEntryAdmin.list_filter if f not in (CIDFilter, ResourceTypeFilter)),
        RecordTypeFilter,
        ("actor", admin.RelatedOnlyFieldListFilter),
    ]
    # Neither a column nor a filter for the correlation id: the id says nothing to a reader. The entries of
    # one operation (an import, `core.audit.recorded_as`) are found by searching for the id it names
    # ("import-…"), or by a link with `?cid=…`, a lookup on the entry's own field.
    search_fields = [*LogEntryAdmin.search_fields, "cid"]
    fieldsets = [
        (None, {"fields": ["created", "user_url", "resource_url"]}),
        (_("Changes"), {"fields": ["action", "msg"]}),
    ]

    @admin.display(description=LogEntryAdmin.msg_short.short_description)
    def msg_short(self, obj):
        return Truncator(
            ", ".join(str(field_label(field, name)) for name, field, *_values in changed_fields(obj))
        ).chars(75)

    @admin.display(description=LogEntryAdmin.msg.short_description)
    def msg(self, obj):
        lines = changes_in_words(obj)
        return render_to_string("auditlog/changes.html", {"lines": lines}) if lines else ""

    @admin.display(description=LogEntryAdmin.user_url.short_description)
    def user_url(self, obj):
        return super().user_url(obj) if obj.actor else _("system")


@admin.register(Source)
class SourceAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ("title", "publisher", "published_on", "url")
    search_fields = ("title", "publisher", "url")
    date_hierarchy = "published_on"
