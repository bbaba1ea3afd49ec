from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Delivery, Subscriber, TickRecord


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "confirmed_at", "unsubscribed_at", "bounced_at", "created_at")
    list_filter = (
        "language",
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    )
    search_fields = ("email",)
    autocomplete_fields = ("campaigns", "prisoners")
    readonly_fields = (
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
        "bounce_reason",
    )


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("title", "subscriber", "occurrence", "lead_days", "status", "attempts", "sent_at", "short_error")
    # "Uncertain" rows may have arrived: a person checks (the reader, the mail server's log) before resending.
    list_filter = ("status", "lead_days", "occurrence")
    search_fields = ("title", "subscriber__email", "occasion_key")
    list_select_related = ("subscriber",)
    readonly_fields = [field.name for field in Delivery._meta.fields]
    actions = ["resend"]

    @admin.display(description=_("error"))
    def short_error(self, delivery):
        return delivery.last_error[:80]

    @admin.action(
        description=_("Send the selected failed or uncertain reminders again (after checking)"), permissions=["change"]
    )
    def resend(self, request, queryset):
        count = queryset.resend_failed(timezone.now())
        self.message_user(request, _("%(n)d reminder(s) will go out with the next tick.") % {"n": count})

    def has_add_permission(self, request):
        return False


@admin.register(TickRecord)
class TickRecordAdmin(admin.ModelAdmin):
    """When the reminder tick last ran and what it did: the first place to look when alerts stop."""

    list_display = ("name", "started_at", "finished_at", "succeeded_at", "summary")
    readonly_fields = ("name", "started_at", "finished_at", "succeeded_at", "report")

    @admin.display(description=_("last report"))
    def summary(self, record):
        counts = {key: value for key, value in record.report.items() if value and key != "errors"}
        errors = len(record.report.get("errors", []))
        return ", ".join(f"{key} {value}" for key, value in counts.items()) + (f"; {errors} error(s)" if errors else "")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
