from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Delivery, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "confirmed_at", "unsubscribed_at", "bounced_at", "created_at")
    list_filter = ("language", ("confirmed_at", admin.EmptyFieldListFilter), ("unsubscribed_at", admin.EmptyFieldListFilter))
    search_fields = ("email",)
    autocomplete_fields = ("campaigns", "prisoners")
    readonly_fields = ("created_at", "confirmation_sent_at", "confirmed_at", "unsubscribed_at", "bounced_at", "bounce_reason")


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("title", "subscriber", "occurrence", "lead_days", "status", "attempts", "sent_at", "short_error")
    list_filter = ("status", "lead_days", "occurrence")
    search_fields = ("title", "subscriber__email", "occasion_key")
    list_select_related = ("subscriber",)
    readonly_fields = [field.name for field in Delivery._meta.fields]
    actions = ["resend"]

    @admin.display(description=_("error"))
    def short_error(self, delivery):
        return delivery.last_error[:80]

    @admin.action(description=_("Send the selected failed reminders again"), permissions=["change"])
    def resend(self, request, queryset):
        count = queryset.resend_failed(timezone.now())
        self.message_user(request, _("%(n)d reminder(s) will go out with the next tick.") % {"n": count})

    def has_add_permission(self, request):
        return False
