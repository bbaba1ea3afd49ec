from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Campaign editor"
# Editors read reports and record what they did; no one adds them by hand, and only an
# administrator deletes one (for instance at the sender's request).
CODENAMES = ["view_report", "change_report"]


def let_editors_moderate(apps, schema_editor):
    app_config = apps.get_app_config("reports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="reports", codename__in=CODENAMES)
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP):
        group.permissions.add(*permissions)


def take_it_back(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="reports"))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("campaigns", "0003_campaign_editor_group"),
    ]

    operations = [migrations.RunPython(let_editors_moderate, take_it_back)]
