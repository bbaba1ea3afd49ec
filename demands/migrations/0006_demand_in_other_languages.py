"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""


from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('demands', 'Demand').objects.update(**{f"{field}_en": F(field) for field in ['title', 'summary', 'description']})



class Migration(migrations.Migration):

    dependencies = [
        ('demands', '0005_provenance'),
    ]

    operations = [
        migrations.AddField(
            model_name='demand',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='demand',
            name='description_kk',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='demand',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='demand',
            name='summary_en',
            field=models.CharField(max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='demand',
            name='summary_kk',
            field=models.CharField(max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='demand',
            name='summary_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='demand',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='demand',
            name='title_kk',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='demand',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
