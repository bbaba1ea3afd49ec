import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
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
            raise ValidationError(_("Check the [[ ]] marks: each [[ needs one ]] after it, and marks cannot be nested."))
    if depth:
        raise ValidationError(_("Check the [[ ]] marks: each [[ needs one ]] after it, and marks cannot be nested."))


def initials(name):
    """"Erzhan Elshibayev" → "E. E."."""
    return " ".join(f"{word[0]}." for word in (name or "").split() if word[0].isalpha()) or "—"
