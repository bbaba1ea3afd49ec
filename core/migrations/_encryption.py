"""Shared by the migrations that encrypted private fields at rest (core.encryption)."""

from django.db import migrations


def encrypt_existing(app_label, model_name, *fields):
    """Write every existing value of `fields` again, encrypted (the historical model's fields are
    already the encrypted ones, and read a value written before as it was), and take their values
    out of the audit trail's past entries, which held them in plaintext."""

    def forwards(apps, schema_editor):
        database = schema_editor.connection.alias
        model = apps.get_model(app_label, model_name)
        rows = model.objects.using(database)
        for values in rows.values("pk", *fields).iterator():
            written = {field: values[field] for field in fields if values[field]}
            if written:
                rows.filter(pk=values["pk"]).update(**written)
        content_type = (
            apps.get_model("contenttypes", "ContentType")
            .objects.using(database)
            .filter(app_label=app_label, model=model_name.lower())
            .first()
        )
        if content_type is None:
            return
        entries = apps.get_model("auditlog", "LogEntry").objects.using(database).filter(content_type=content_type)
        for entry in entries.iterator():
            changes = entry.changes if isinstance(entry.changes, dict) else None
            if not changes or not set(fields) & set(changes):
                continue
            for field in set(fields) & set(changes):
                changes[field] = ["[private, encrypted]" if value else "" for value in changes[field]]
            entries.filter(pk=entry.pk).update(changes=changes)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
