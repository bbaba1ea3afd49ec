"""The name index: one row per folded word (core.text.search_words) of each person's names and aliases,
so that a search reads the few index entries that start with what was typed, however many people
there are (PrisonerQuerySet.search).

Prefixes are read as ranges ([word, next word)), which an ordinary B-tree serves on SQLite and on
PostgreSQL alike; folded words hold only a-z and 0-9, which every collation orders as bytes do. One
wrong, missing or extra letter (core.text.within_one_edit) is found through the same index, each
place the letter can be in read as a narrow range: past the third letter, the word starts with the
first three typed; at the third, the first two are equal and the rest after the third letter
(`after_third`) starts with what follows it; among the first two, the rest after the first or second
letter (`after_first`, `after_second`) starts with the rest of what was typed. The few candidates
found are checked in Python.
"""

from django.db import models
from django.db.models import Q

from core.text import within_one_edit

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"  # what folded words are made of, in byte order
MAX_WORDS = 6  # a search reads the index once per typed word: more words add work, not precision
TOLERANT_FROM = 4  # shorter words are matched exactly (as within_one_edit has it)
WORD_LENGTH = 200  # longer words (folding can lengthen a name: ş is sh) are indexed by their start


class NameWord(models.Model):
    prisoner = models.ForeignKey("prisoners.Prisoner", on_delete=models.CASCADE, db_index=False)
    word = models.CharField(max_length=WORD_LENGTH)
    after_first = models.CharField(max_length=WORD_LENGTH)
    after_second = models.CharField(max_length=WORD_LENGTH)
    first_two = models.CharField(max_length=2, default="")
    after_third = models.CharField(max_length=WORD_LENGTH, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prisoner", "word"], name="one_row_per_word_of_a_person")]
        indexes = [
            models.Index(fields=["word", "prisoner"], name="name_word"),
            models.Index(fields=["after_first", "word"], name="name_word_after_first"),
            models.Index(fields=["after_second", "word"], name="name_word_after_second"),
            models.Index(fields=["first_two", "after_third"], name="name_word_after_third"),
        ]

    @classmethod
    def of(cls, prisoner_id, word):
        return cls(
            prisoner_id=prisoner_id,
            word=word,
            after_first=word[1:],
            after_second=word[2:],
            first_two=word[:2],
            after_third=word[3:],
        )


def index_words(prisoner_id, words):
    """Make the index hold exactly `words` for this person: two small queries when nothing changed."""
    words = {word[:WORD_LENGTH] for word in words}
    kept = set(NameWord.objects.filter(prisoner_id=prisoner_id).values_list("word", flat=True))
    if kept - words:
        NameWord.objects.filter(prisoner_id=prisoner_id, word__in=kept - words).delete()
    NameWord.objects.bulk_create([NameWord.of(prisoner_id, word) for word in sorted(words - kept)])


def _after(prefix):
    """The first string past every string that starts with `prefix` (None: there is none)."""
    while prefix:
        last = ALPHABET.find(prefix[-1])
        if 0 <= last < len(ALPHABET) - 1:
            return prefix[:-1] + ALPHABET[last + 1]
        prefix = prefix[:-1]
    return None


def starting(column, prefix):
    """`column` starts with `prefix`, as a range the column's index serves."""
    end = _after(prefix)
    return Q(**{f"{column}__gte": prefix}) & (Q(**{f"{column}__lt": end}) if end else Q())


def with_word_starting(prefix):
    """The ids of the people with a name or alias word that starts with `prefix`."""
    return NameWord.objects.filter(starting("word", prefix)).values("prisoner_id")


def with_word_near(typed):
    """The ids of the people with a name or alias word that starts with `typed`, one letter forgiven."""
    if len(typed) < TOLERANT_FROM:
        return with_word_starting(typed)
    places = (
        starting("word", typed[:3]),  # the letter forgiven is past the third
        Q(first_two=typed[:2]) & starting("after_third", typed[3:]),  # the third is wrong
        starting("word", typed[:2] + typed[3:]),  # an extra letter typed third
        Q(first_two=typed[:2]) & starting("after_third", typed[2:]),  # a letter missing third
        starting("after_second", typed[2:]),  # the first or second letter wrong
        starting("after_first", typed[2:]),  # an extra letter typed first or second
        starting("after_second", typed[1:]),  # a letter missing first or second
    )
    anywhere = Q()
    for place in places:
        anywhere |= place
    candidates = NameWord.objects.filter(anywhere).order_by().values_list("word", flat=True).distinct()
    near = [word for word in candidates if within_one_edit(typed, word)]
    return NameWord.objects.filter(word__in=near).values("prisoner_id")


def with_every_word(words):
    """The ids of the people with every one of `words` (exactly the folded words)."""
    return [Q(pk__in=NameWord.objects.filter(word=word).values("prisoner_id")) for word in words]
