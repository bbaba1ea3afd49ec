"""The public text in Russian and Kazakh beside English (django-modeltranslation)."""


from django.db import migrations, models
from django.db.models import F


def english_from_the_record(apps, schema_editor):
    # The text records have today is English: it becomes the English column, so nothing shows empty.
    apps.get_model('campaigns', 'KeyDate').objects.update(**{f"{field}_en": F(field) for field in ['title', 'description', 'place']})



class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0008_editor_grants_follow_moved_models'),
    ]

    operations = [
        migrations.AddField(
            model_name='keydate',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='description_kk',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='place_en',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='place'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='place_kk',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='place'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='place_ru',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='place'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='title_kk',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='keydate',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.RunPython(english_from_the_record, migrations.RunPython.noop),
    ]
