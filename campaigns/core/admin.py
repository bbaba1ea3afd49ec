from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
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


# django-otp's own pages show and edit the devices' secrets. Here the administrator sees who has
# enrolled and when each device was last used, read-only; a lost device is reset from the shell
# (`manage.py reset_2fa`), so a stolen admin session cannot swap someone's second factor.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(TOTPDevice, StaticDevice)
class DeviceAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")
    list_filter = ("confirmed",)
    search_fields = ("user__username",)
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
