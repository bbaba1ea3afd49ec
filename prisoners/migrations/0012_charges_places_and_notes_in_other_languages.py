"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""

from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('prisoners', 'Charge').objects.update(**{f"{field}_en": F(field) for field in ['description']})
    apps.get_model('prisoners', 'Prisoner').objects.update(**{f"{field}_en": F(field) for field in ['country', 'region']})
    apps.get_model('prisoners', 'PrisonerStatusChange').objects.update(**{f"{field}_en": F(field) for field in ['note']})
    # The new columns took the default country's rendering; only a record in Kazakhstan keeps it.
    Prisoner = apps.get_model('prisoners', 'Prisoner')
    Prisoner.objects.exclude(country='Kazakhstan').update(country_ru=None, country_kk=None)



class Migration(migrations.Migration):

    dependencies = [
        ('prisoners', '0011_person_in_other_languages'),
    ]

    operations = [
        migrations.AddField(
            model_name='charge',
            name='description_en',
            field=models.CharField(max_length=300, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='charge',
            name='description_kk',
            field=models.CharField(max_length=300, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='charge',
            name='description_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='country_en',
            field=models.CharField(default='Kazakhstan', max_length=100, null=True, verbose_name='country'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='country_kk',
            field=models.CharField(default='Қазақстан', max_length=100, null=True, verbose_name='country'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='country_ru',
            field=models.CharField(default='Казахстан', max_length=100, null=True, verbose_name='country'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='region_en',
            field=models.CharField(blank=True, max_length=100, null=True, verbose_name='region'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='region_kk',
            field=models.CharField(blank=True, max_length=100, null=True, verbose_name='region'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='region_ru',
            field=models.CharField(blank=True, max_length=100, null=True, verbose_name='region'),
        ),
        migrations.AddField(
            model_name='prisonerstatuschange',
            name='note_en',
            field=models.TextField(blank=True, help_text='Shown publicly in the status history.', null=True, verbose_name='public note'),
        ),
        migrations.AddField(
            model_name='prisonerstatuschange',
            name='note_kk',
            field=models.TextField(blank=True, help_text='Shown publicly in the status history.', null=True, verbose_name='public note'),
        ),
        migrations.AddField(
            model_name='prisonerstatuschange',
            name='note_ru',
            field=models.TextField(blank=True, help_text='Shown publicly in the status history.', null=True, verbose_name='public note'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
