"""The name index (prisoners/search.py), filled from the folded names kept on each person and alias."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    Prisoner = apps.get_model("prisoners", "Prisoner")
    Alias = apps.get_model("prisoners", "Alias")
    NameWord = apps.get_model("prisoners", "NameWord")
    words = {pk: set(key.split()) for pk, key in Prisoner.objects.values_list("pk", "search_key").iterator()}
    for prisoner_id, key in Alias.objects.values_list("prisoner_id", "search_key").iterator():
        words[prisoner_id].update(key.split())
    NameWord.objects.bulk_create(
        (
            NameWord(prisoner_id=pk, word=word, after_first=word[1:], after_second=word[2:])
            for pk, theirs in words.items()
            for word in sorted({word[:200] for word in theirs})
        ),
        batch_size=5000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('prisoners', '0019_updates_read_newest_first'),
    ]

    operations = [
        migrations.CreateModel(
            name='NameWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=200)),
                ('after_first', models.CharField(max_length=200)),
                ('after_second', models.CharField(max_length=200)),
                ('prisoner', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, to='prisoners.prisoner')),
            ],
            options={
                'indexes': [models.Index(fields=['word', 'prisoner'], name='name_word'), models.Index(fields=['after_first', 'word'], name='name_word_after_first'), models.Index(fields=['after_second', 'word'], name='name_word_after_second')],
                'constraints': [models.UniqueConstraint(fields=('prisoner', 'word'), name='one_row_per_word_of_a_person')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
