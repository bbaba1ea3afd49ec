"""Stored search keys recomputed with the new folding (Kazakh letters, word boundaries)."""

from django.db import migrations

from core.text import search_key


def refold(apps, schema_editor):
    Prisoner = apps.get_model("prisoners", "Prisoner")
    Alias = apps.get_model("prisoners", "Alias")
    for person in Prisoner.objects.only("pk", "name", "native_name").iterator():
        Prisoner.objects.filter(pk=person.pk).update(search_key=search_key(person.name, person.native_name))
    for alias in Alias.objects.only("pk", "name").iterator():
        Alias.objects.filter(pk=alias.pk).update(search_key=search_key(alias.name))


class Migration(migrations.Migration):
    dependencies = [("prisoners", "0008_marks_are_checked")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
