"""Used by the migrations that add `was_public` (the loader skips modules named _*)."""


def marker(app_label, model_name):
    """A RunPython function that marks as once public the rows that are published now, and those the
    audit trail shows were published at some time (a draft today may have been public before)."""

    def mark(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        model.objects.filter(visibility="published").update(was_public=True)
        content_type = apps.get_model("contenttypes", "ContentType").objects.filter(
            app_label=app_label, model=model_name.lower()).first()
        if content_type is None:
            return
        entries = apps.get_model("auditlog", "LogEntry").objects.filter(content_type=content_type)
        once = {entry.object_pk for entry in entries.only("object_pk", "changes").iterator()
                if _published_in(entry.changes)}
        model.objects.filter(pk__in=[int(pk) for pk in once if pk.isdigit()]).update(was_public=True)

    return mark


def _published_in(changes):
    change = (changes or {}).get("visibility") if isinstance(changes, dict) else None
    return isinstance(change, list) and len(change) == 2 and change[1] == "published"
