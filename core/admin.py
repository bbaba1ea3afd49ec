from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .admin_base import AuditedAdmin
from .models import Source

# The staff log, filterable by who as well as by what and which action. Read-only, as auditlog
# makes it: not even an administrator can edit or delete an entry here.
admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class StaffLogAdmin(LogEntryAdmin):
    list_filter = [*LogEntryAdmin.list_filter, ("actor", admin.RelatedOnlyFieldListFilter)]


@admin.register(Source)
class SourceAdmin(TranslationAdmin, AuditedAdmin):
    list_display = ("title", "publisher", "published_on", "url")
    search_fields = ("title", "publisher", "url")
    date_hierarchy = "published_on"
