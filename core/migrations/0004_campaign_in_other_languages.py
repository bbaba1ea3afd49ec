"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""


from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('core', 'Campaign').objects.update(**{f"{field}_en": F(field) for field in ['name', 'summary', 'description']})



class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_provenance'),
    ]

    operations = [
        migrations.AddField(
            model_name='campaign',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='description_kk',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='name_kk',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='name_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='summary_en',
            field=models.CharField(help_text='One sentence, shown in lists and shared links.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='summary_kk',
            field=models.CharField(help_text='One sentence, shown in lists and shared links.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='summary_ru',
            field=models.CharField(help_text='One sentence, shown in lists and shared links.', max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
