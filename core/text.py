import re

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Latin letters end here (Latin Extended-B included): beyond are IPA, Greek, Cyrillic and the rest.
LATIN_END = 0x250


def in_latin_letters(text):
    """Whether every character of `text` is Latin (or a digit, a space, punctuation)."""
    return all(ord(char) < LATIN_END for char in text)


# Before anyascii: letters it renders in a way no other spelling of the name uses (Қ → Q, Ң → Ng,
# Ь → an apostrophe), and the Kazakh Latin alphabet of 2021 (ş, ğ, q, ı), mapped to what the
# Russian-based spellings of the same names write.
_LETTERS = str.maketrans(
    {
        "қ": "k",
        "q": "k",
        "ғ": "g",
        "ğ": "g",
        "ң": "n",
        "ñ": "n",
        "ө": "o",
        "ö": "o",
        "ә": "a",
        "ä": "a",
        "ұ": "u",
        "ү": "u",
        "ü": "u",
        "ū": "u",
        "і": "i",
        "ı": "i",
        "һ": "h",
        "й": "i",
        "ş": "sh",
        "ç": "ch",
        "ь": "",
        "ъ": "",
        "'": "",
        "’": "",
        "ʼ": "",
    }
)
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_VOWELS = "aeiou"
# After anyascii, on Latin letters: the spellings transliterations disagree on.
_RULES = [
    (re.compile(r"zh|dzh|dj"), "j"),  # Zhanaozen, Janaozen; Жаңаөзен
    (re.compile(r"kh"), "h"),  # Khalmurzaeva, Halmurzaeva
    (re.compile(r"gh"), "g"),
    (re.compile(rf"(?<=[{_VOWELS}])y(?=[{_VOWELS}])"), ""),  # Elshibayev, Elshibaev
    (re.compile(rf"\by(?=[{_VOWELS}])"), ""),  # Yerzhan, Erzhan; Yelena, Elena
    (re.compile(rf"(?<=[^{_VOWELS}\W])y(?=[{_VOWELS}])"), "i"),  # Natalya, Natalia
    (re.compile(rf"(?<=[{_VOWELS}])y\b"), "i"),  # Baltabay, Baltabai, Балтабай
    (re.compile(r"([a-z])\1+"), r"\1"),  # Kassym, Kasym; -ii endings
]


def search_words(text):
    """The words of `text` folded so that spellings of one name meet (see search_key)."""
    folded = anyascii((text or "").lower().translate(_LETTERS)).lower()
    folded = _NOT_WORD.sub(" ", folded)
    for pattern, replacement in _RULES:
        folded = pattern.sub(replacement, folded)
    return folded.split()


def search_key(*texts):
    """A stored key for searching: the folded words of every text, between spaces, so that a
    search can match whole words (" word ") and the starts of words (" wor").

    Russian and Kazakh Cyrillic, the Kazakh Latin alphabet and the usual English transliterations
    fold to one loose Latin spelling: Жаңаөзен, Жанаозен, Zhanaozen and Janaozen are all "janaozen";
    Эльшибаев, Елшібаев, Yelshibayev and Elshibaev are all "elshibaev". The price is a few false
    meetings of different names (Yakov and Akov), which a search can bear.
    """
    words = [word for text in texts for word in search_words(text)]
    return f" {' '.join(words)} " if words else ""


def within_one_edit(typed, word):
    """True when `typed` is `word`, or the start of it, with at most one letter wrong, missing or extra."""
    if len(typed) < 4:
        return word.startswith(typed)
    for candidate in {word[: len(typed) - 1], word[: len(typed)], word[: len(typed) + 1]}:
        if _one_edit(typed, candidate):
            return True
    return False


def _one_edit(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# Passages an editor marks as identifying: [[like this]]. Shown as written (without the brackets)
# for a named person, withheld for an anonymised one.
_IDENTIFYING = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
WITHHELD = "[…]"


def without_marks(text):
    return _IDENTIFYING.sub(r"\1", text or "")


def withheld(text):
    shown = _IDENTIFYING.sub(WITHHELD, text or "")
    # Fails closed: from a "[[" left unclosed (a typo the form check missed), nothing more is shown.
    opened = shown.find("[[")
    return shown if opened < 0 else shown[:opened] + WITHHELD


def validate_marks(text):
    """Every [[ closed by a ]], none nested: a typo must not decide what an anonymised person's page shows."""
    depth = 0
    for mark in re.findall(r"\[\[|\]\]", text or ""):
        depth += 1 if mark == "[[" else -1
        if depth not in (0, 1):
            raise ValidationError(
                _("Check the [[ ]] marks: each [[ needs one ]] after it, and marks cannot be nested.")
            )
    if depth:
        raise ValidationError(_("Check the [[ ]] marks: each [[ needs one ]] after it, and marks cannot be nested."))


def initials(name):
    """ "Erzhan Elshibayev" → "E. E."."""
    return " ".join(f"{word[0]}." for word in (name or "").split() if word[0].isalpha()) or "—"
