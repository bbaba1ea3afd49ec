"""Shared by the migrations that added `happened_on` to the status histories."""

import zoneinfo

from django.conf import settings
from django.db import migrations


def dated_as_recorded(app_label, model_name):
    """A status change recorded before the record asked when it happened keeps the day it was recorded
    (in the campaign's time zone), marked as such (`happened_on_precision` "recorded", the field's
    default when it was added)."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        tz = zoneinfo.ZoneInfo(settings.DEFAULT_CAMPAIGN_TIMEZONE)
        rows = list(model.objects.using(schema_editor.connection.alias).only("pk", "changed_at"))
        for row in rows:
            row.happened_on = row.changed_at.astimezone(tz).date()
            row.happened_on_precision = "recorded"
        model.objects.using(schema_editor.connection.alias).bulk_update(
            rows, ["happened_on", "happened_on_precision"], batch_size=500
        )

    return migrations.RunPython(forwards, migrations.RunPython.noop)
