"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""

from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('accountability', 'Actor').objects.update(**{f"{field}_en": F(field) for field in ['name', 'description']})
    apps.get_model('accountability', 'Responsibility').objects.update(**{f"{field}_en": F(field) for field in ['what', 'description']})
    apps.get_model('accountability', 'OpenQuestion').objects.update(**{f"{field}_en": F(field) for field in ['question', 'description']})



class Migration(migrations.Migration):

    dependencies = [
        ('accountability', '0002_campaign_editors_keep_accountability'),
    ]

    operations = [
        migrations.AddField(
            model_name='actor',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='actor',
            name='description_kk',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='actor',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='actor',
            name='name_en',
            field=models.CharField(help_text="An official's name only when a source gives it; otherwise the unit or body.", max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='actor',
            name='name_kk',
            field=models.CharField(help_text="An official's name only when a source gives it; otherwise the unit or body.", max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='actor',
            name='name_ru',
            field=models.CharField(help_text="An official's name only when a source gives it; otherwise the unit or body.", max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='openquestion',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='openquestion',
            name='description_kk',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='openquestion',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='openquestion',
            name='question_en',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='openquestion',
            name='question_kk',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='openquestion',
            name='question_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='question'),
        ),
        migrations.AddField(
            model_name='responsibility',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='responsibility',
            name='description_kk',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='responsibility',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='responsibility',
            name='what_en',
            field=models.CharField(help_text='Ends the sentence after the role, for example "the shooting on Alan Square on 16 December 2011". Say no more than the sources say; mark identifying passages [[like this]].', max_length=300, null=True, verbose_name='what'),
        ),
        migrations.AddField(
            model_name='responsibility',
            name='what_kk',
            field=models.CharField(help_text='Ends the sentence after the role, for example "the shooting on Alan Square on 16 December 2011". Say no more than the sources say; mark identifying passages [[like this]].', max_length=300, null=True, verbose_name='what'),
        ),
        migrations.AddField(
            model_name='responsibility',
            name='what_ru',
            field=models.CharField(help_text='Ends the sentence after the role, for example "the shooting on Alan Square on 16 December 2011". Say no more than the sources say; mark identifying passages [[like this]].', max_length=300, null=True, verbose_name='what'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
