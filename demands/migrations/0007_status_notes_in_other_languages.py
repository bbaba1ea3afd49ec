"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""

from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('demands', 'DemandStatusChange').objects.update(**{f"{field}_en": F(field) for field in ['note']})



class Migration(migrations.Migration):

    dependencies = [
        ('demands', '0006_demand_in_other_languages'),
    ]

    operations = [
        migrations.AddField(
            model_name='demandstatuschange',
            name='note_en',
            field=models.TextField(blank=True, help_text='Shown publicly in the status history.', null=True, verbose_name='public note'),
        ),
        migrations.AddField(
            model_name='demandstatuschange',
            name='note_kk',
            field=models.TextField(blank=True, help_text='Shown publicly in the status history.', null=True, verbose_name='public note'),
        ),
        migrations.AddField(
            model_name='demandstatuschange',
            name='note_ru',
            field=models.TextField(blank=True, help_text='Shown publicly in the status history.', null=True, verbose_name='public note'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
