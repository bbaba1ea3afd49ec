from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Campaign editor"
# Editors run actions as they run key dates: they add and change them, and their addressees; the
# counts are read only (they come from supporters). Deleting what was public is an administrator's.
CODENAMES = [
    "view_action",
    "add_action",
    "change_action",
    "delete_action",
    "view_addressee",
    "add_addressee",
    "change_addressee",
    "delete_addressee",
    "view_participation",
]


def let_editors_run_actions(apps, schema_editor):
    app_config = apps.get_app_config("actions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="actions", codename__in=CODENAMES)
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP):
        group.permissions.add(*permissions)


def take_it_back(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="actions"))


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0001_actions"),
        ("campaigns", "0003_campaign_editor_group"),
    ]

    operations = [migrations.RunPython(let_editors_run_actions, take_it_back)]
