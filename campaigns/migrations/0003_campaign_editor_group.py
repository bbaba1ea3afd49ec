from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Campaign editor"

# What an editor needs to keep the record: everything on the campaign data, read-only status
# history (it is written by the service, never by hand), and nothing on users or groups.
# Deleting published records is refused in the admin itself (PublishableAdmin).
EDITABLE = {
    "campaigns": ["campaign", "keydate", "organisation"],
    "prisoners": ["prisoner", "alias", "charge", "sentence", "timelineevent", "source"],
    "demands": ["demand"],
}
READ_ONLY = {"prisoners": ["prisonerstatuschange"], "demands": ["demandstatuschange"]}


def create_editor_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    codenames = []
    for app_label, models in EDITABLE.items():
        for model in models:
            codenames += [(app_label, f"{action}_{model}") for action in ("view", "add", "change", "delete")]
    for app_label, models in READ_ONLY.items():
        codenames += [(app_label, f"view_{model}") for model in models]
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename) for app_label, codename in codenames
    ]
    group.permissions.set(permissions)


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_initial"),
        ("prisoners", "0001_initial"),
        ("demands", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
