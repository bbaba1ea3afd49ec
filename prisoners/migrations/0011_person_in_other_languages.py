"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""


import core.text
from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('prisoners', 'Prisoner').objects.update(**{f"{field}_en": F(field) for field in ['name', 'summary', 'biography', 'occupation']})
    apps.get_model('prisoners', 'TimelineEvent').objects.update(**{f"{field}_en": F(field) for field in ['title', 'description']})



class Migration(migrations.Migration):

    dependencies = [
        ('prisoners', '0010_trigram_extension'),
    ]

    operations = [
        migrations.AddField(
            model_name='prisoner',
            name='biography_en',
            field=models.TextField(blank=True, null=True, validators=[core.text.validate_marks], verbose_name='biography'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='biography_kk',
            field=models.TextField(blank=True, null=True, validators=[core.text.validate_marks], verbose_name='biography'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='biography_ru',
            field=models.TextField(blank=True, null=True, validators=[core.text.validate_marks], verbose_name='biography'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='name_en',
            field=models.CharField(help_text='The name most used in English.', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='name_kk',
            field=models.CharField(help_text='The name most used in English.', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='name_ru',
            field=models.CharField(help_text='The name most used in English.', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='occupation_en',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='occupation'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='occupation_kk',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='occupation'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='occupation_ru',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='occupation'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='summary_en',
            field=models.CharField(blank=True, help_text='One sentence, shown in lists.', max_length=300, null=True, validators=[core.text.validate_marks], verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='summary_kk',
            field=models.CharField(blank=True, help_text='One sentence, shown in lists.', max_length=300, null=True, validators=[core.text.validate_marks], verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='prisoner',
            name='summary_ru',
            field=models.CharField(blank=True, help_text='One sentence, shown in lists.', max_length=300, null=True, validators=[core.text.validate_marks], verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='description_en',
            field=models.TextField(blank=True, null=True, validators=[core.text.validate_marks], verbose_name='description'),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='description_kk',
            field=models.TextField(blank=True, null=True, validators=[core.text.validate_marks], verbose_name='description'),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='description_ru',
            field=models.TextField(blank=True, null=True, validators=[core.text.validate_marks], verbose_name='description'),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='title_en',
            field=models.CharField(max_length=200, null=True, validators=[core.text.validate_marks], verbose_name='title'),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='title_kk',
            field=models.CharField(max_length=200, null=True, validators=[core.text.validate_marks], verbose_name='title'),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, validators=[core.text.validate_marks], verbose_name='title'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
