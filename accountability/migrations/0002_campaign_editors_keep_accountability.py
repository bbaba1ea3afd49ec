from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Campaign editor"
MODELS = ("actor", "responsibility", "openquestion")


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can use them.
    app_config = apps.get_app_config("accountability")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ("view", "add", "change", "delete")]
    # Deleting what is or was public is refused by the models themselves (Publishable.protection).
    permissions = Permission.objects.filter(content_type__app_label="accountability", codename__in=codenames)
    for group in Group.objects.filter(name=EDITOR_GROUP):
        group.permissions.add(*permissions)


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=EDITOR_GROUP):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="accountability"))


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0001_initial"),
        # The group, and the grants moved to the core's content types, come first.
        ("campaigns", "0008_editor_grants_follow_moved_models"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, take_back)]
