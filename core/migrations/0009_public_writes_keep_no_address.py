"""Audit entries of what the public site wrote (reports, corrections, subscriptions) lose the
visitor's address and port: the forms promise anonymity, to us too (core.audit.AuditMiddleware keeps
none from now on). Entries of staff changes keep theirs."""

from django.db import migrations
from django.db.models import Q

PUBLIC_WRITES = [("reports", "report"), ("outreach", "subscriber"), ("outreach", "suppression")]


def forget_addresses(apps, schema_editor):
    database = schema_editor.connection.alias
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    written_by_the_public = Q(additional_data__source="site")
    for app_label, model in PUBLIC_WRITES:
        content_type = ContentType.objects.using(database).filter(app_label=app_label, model=model).first()
        if content_type is not None:
            written_by_the_public |= Q(content_type=content_type, actor__isnull=True)
    LogEntry.objects.using(database).filter(written_by_the_public).update(remote_addr=None, remote_port=None)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_public_version_in_the_database"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_addresses, migrations.RunPython.noop)]
