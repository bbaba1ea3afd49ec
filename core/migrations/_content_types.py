"""Used by the migrations that moved models between apps (the loader skips modules named _*).

Content types move with their models, so that permissions (the "Campaign editor" group's among
them) and the admin's history stay attached to them.
"""

from django.contrib.contenttypes.models import ContentType as LiveContentType


def mover(moved, new_app):
    """RunPython functions that move the content types of `moved` ((old app, model) pairs) to `new_app`."""

    def forward(apps, schema_editor):
        for old_app, model in moved:
            _move(apps, model, old_app, new_app)

    def backward(apps, schema_editor):
        for old_app, model in moved:
            _move(apps, model, new_app, old_app)

    return forward, backward


def _move(apps, model, source_app, target_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    source = ContentType.objects.filter(app_label=source_app, model=model).first()
    if source is not None:
        target = ContentType.objects.filter(app_label=target_app, model=model).first()
        if target is None:
            source.app_label = target_app
            source.save(update_fields=["app_label"])
        else:
            # Both exist (an earlier `migrate` made the new one): grants and history go to the new one.
            for permission in Permission.objects.filter(content_type=source):
                twin, _ = Permission.objects.get_or_create(
                    content_type=target, codename=permission.codename, defaults={"name": permission.name}
                )
                for group in permission.group_set.all():
                    group.permissions.add(twin)
                for user in permission.user_set.all():
                    user.user_permissions.add(twin)
            apps.get_model("admin", "LogEntry").objects.filter(content_type=source).update(content_type=target)
            source.delete()
    LiveContentType.objects.clear_cache()
