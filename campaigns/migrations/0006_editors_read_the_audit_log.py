from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Campaign editor"


def let_editors_read_the_log(apps, schema_editor):
    # Editors see who changed what (the staff log), but it stays read-only for everyone.
    app_config = apps.get_app_config("auditlog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="auditlog", codename="view_logentry")
    for group in Group.objects.filter(name=EDITOR_GROUP):
        group.permissions.add(view)


def take_it_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=EDITOR_GROUP):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="auditlog"))


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0005_moved_to_core_and_outreach"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(let_editors_read_the_log, take_it_back)]
