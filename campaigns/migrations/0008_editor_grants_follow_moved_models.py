"""Editors' grants on the records that moved to the core and outreach apps.

On a fresh database the core's first migration (which has no dependencies) ran before the
editor group was made, so the group was granted permissions on stale content types
("campaigns.campaign", "prisoners.source") that no model uses, and editors could not open
campaigns, organisations or sources. This moves those grants (and any history) to the live
content types; on a database that was migrated step by step there is nothing left to move.
"""

from django.db import migrations

from core.migrations._content_types import mover

MOVED = {
    "core": [("campaigns", "campaign"), ("campaigns", "organisation"), ("prisoners", "source")],
    "outreach": [("campaigns", "subscriber"), ("campaigns", "delivery"), ("campaigns", "staffdigest")],
}


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("auditlog", "LogEntry")
    for new_app, moved in MOVED.items():
        for old_app, model in moved:
            stale = ContentType.objects.filter(app_label=old_app, model=model).first()
            live = ContentType.objects.filter(app_label=new_app, model=model).first()
            if stale is not None and live is not None:
                # Deleting the stale type would take its audit entries with it: move them first.
                LogEntry.objects.filter(content_type=stale).update(content_type=live)
        mover(moved, new_app)[0](apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0007_archive_not_delete"),
        ("core", "0002_archive_not_delete"),
        ("outreach", "0004_prune_and_tally"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
