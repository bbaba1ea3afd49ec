"""Share cards: the 1200x630 picture a link to a profile or a demand shows on social media.

Text only, from what the caller passes (the public face of the record): never a photo, so an
anonymised person's card can show nothing but their initials. Drawn with DejaVu Sans when the
machine has it (Debian's fonts-dejavu-core: Latin and Cyrillic), else with the font built into
Pillow (Latin only), so a fresh machine draws cards too.

A card is in the language of its address (/ru/.../card.png is Russian), the same picture for every
visitor to that address. Where only Pillow's font is at hand, a card it cannot write is drawn in
English instead of in boxes.
"""

import functools
import hashlib
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from PIL import Image, ImageDraw, ImageFont

from .site import site_domain
from .text import in_latin_letters

SIZE = (1200, 630)
MARGIN = 80
INK, MUTED, ACCENT, PAPER = "#1b1b1b", "#4a4a4a", "#8a1c1c", "#f5f3ef"
# Short, so that a record unpublished or anonymised stops being shown by shared caches soon.
MAX_AGE = 300
KEPT_FOR = 24 * 3600  # drawn cards, in the server's cache, keyed by their text
FONT_FILE = "DejaVuSans.ttf"  # found by Pillow in the system's font folders, when installed


@dataclass(frozen=True)
class CardText:
    title: str
    status: str
    site: str


def _has_font():
    return _font_found(FONT_FILE)


@functools.cache
def _font_found(name):
    # Looked up once per font name, not on every card request.
    try:
        ImageFont.truetype(name, 10)
    except OSError:
        return False
    return True


def drawable(text):
    """Whether the card's words can be written: any text with DejaVu, Latin only with Pillow's font."""
    return in_latin_letters(text.title + text.status + text.site) or _has_font()


def _font(size):
    try:
        return ImageFont.truetype(FONT_FILE, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _lines(draw, text, font, width, most):
    """Words wrapped to `width`, at most `most` lines, the last cut short with an ellipsis."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] += " …"
    for i, kept in enumerate(lines):
        while draw.textlength(kept, font=font) > width and len(kept) > 1:
            kept = kept[:-2] + "…"
        lines[i] = kept
    return lines


def draw_card(text):
    """The card as PNG bytes."""
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, SIZE[0], 16), fill=ACCENT)
    draw.text((MARGIN, 70), text.site, font=_font(40), fill=ACCENT)
    title_font = _font(72)
    y = 170
    for line in _lines(draw, text.title, title_font, width, 3):
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 88
    draw.text((MARGIN, y + 20), text.status, font=_font(48), fill=ACCENT)
    draw.text((MARGIN, SIZE[1] - 90), site_domain(), font=_font(32), fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def card_in_language(make_text):
    """The card for the active language's address; `make_text()` says what it reads."""
    text = make_text()
    if not drawable(text):
        with translation.override(settings.LANGUAGE_CODE):
            text = make_text()
    return card_response(text)


def card_response(text):
    """The card as a response anyone may cache for a short while, drawn once per distinct text."""
    key = "share-card:" + hashlib.sha256(repr((text, site_domain())).encode()).hexdigest()
    png = cache.get(key)
    if png is None:
        png = draw_card(text)
        cache.set(key, png, KEPT_FOR)
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
