import re

from unidecode import unidecode

_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def search_key(text):
    """Fold a name so that spellings of the same person meet.

    Cyrillic and Latin, accents and case fold to plain ASCII; then "y" and "j" are dropped
    because they are what most transliterations of Kazakh and Russian names disagree on
    (Yerzhan/Erzhan, Yelshibaev/Elshibayev, Tuletayeva/Tuletaeva).
    """
    folded = unidecode(text or "").lower()
    folded = _NOT_WORD.sub(" ", folded).replace("y", "").replace("j", "")
    return _SPACES.sub(" ", folded).strip()


# Passages an editor marks as identifying: [[like this]]. Shown as written (without the brackets)
# for a named person, withheld for an anonymised one.
_IDENTIFYING = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
WITHHELD = "[…]"


def without_marks(text):
    return _IDENTIFYING.sub(r"\1", text or "")


def withheld(text):
    return _IDENTIFYING.sub(WITHHELD, text or "")


def initials(name):
    """"Erzhan Elshibayev" → "E. E."."""
    return " ".join(f"{word[0]}." for word in (name or "").split() if word[0].isalpha()) or "—"
