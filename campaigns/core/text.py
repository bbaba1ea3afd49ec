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
