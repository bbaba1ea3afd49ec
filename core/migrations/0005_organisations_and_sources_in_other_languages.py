"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""

from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('core', 'Organisation').objects.update(**{f"{field}_en": F(field) for field in ['name', 'description']})
    apps.get_model('core', 'Source').objects.update(**{f"{field}_en": F(field) for field in ['title', 'publisher']})



class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_campaign_in_other_languages'),
    ]

    operations = [
        migrations.AddField(
            model_name='organisation',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='description_kk',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_en',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_kk',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_ru',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='source',
            name='publisher_en',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='publisher'),
        ),
        migrations.AddField(
            model_name='source',
            name='publisher_kk',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='publisher'),
        ),
        migrations.AddField(
            model_name='source',
            name='publisher_ru',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='publisher'),
        ),
        migrations.AddField(
            model_name='source',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='source',
            name='title_kk',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='source',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
