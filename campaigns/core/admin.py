from django.contrib import admin

from .models import Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "published_on", "url")
    search_fields = ("title", "publisher", "url")
    date_hierarchy = "published_on"
