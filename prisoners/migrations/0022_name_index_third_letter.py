"""The name index reads a letter forgiven at the third place as a narrow range (prisoners/search.py):
each word's first two letters and its rest after the third, filled from the words already indexed."""

from django.db import migrations, models
from django.db.models.functions import Substr


def fill(apps, schema_editor):
    NameWord = apps.get_model("prisoners", "NameWord")
    NameWord.objects.update(first_two=Substr("word", 1, 2), after_third=Substr("word", 4))


class Migration(migrations.Migration):

    dependencies = [
        ('prisoners', '0021_native_name_explained'),
    ]

    operations = [
        migrations.AddField(
            model_name='nameword',
            name='after_third',
            field=models.CharField(default='', max_length=200),
        ),
        migrations.AddField(
            model_name='nameword',
            name='first_two',
            field=models.CharField(default='', max_length=2),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='nameword',
            index=models.Index(fields=['first_two', 'after_third'], name='name_word_after_third'),
        ),
    ]
