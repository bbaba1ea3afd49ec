"""The public text of a record in the reader's language, or in English marked as such."""

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..text import in_latin_letters

register = template.Library()


@register.simple_tag
def translated(record, field, paragraphs=False):
    """`record.field` as modeltranslation gives it (the reader's language, else English). English shown
    to a Russian or Kazakh reader says so, discreetly, and carries lang="en" for screen readers."""
    text = getattr(record, field) or ""
    shown = linebreaks_filter(text, autoescape=True) if paragraphs else text
    language = get_language()
    if not text or language == settings.LANGUAGE_CODE or getattr(record, f"{field}_{language}", None):
        return format_html("{}", shown) if not paragraphs else shown
    tag = "div" if paragraphs else "span"
    return format_html(
        '<{} lang="en">{}</{}> <small class="untranslated">({})</small>', tag, shown, tag, _("in English")
    )


@register.simple_tag
def spelling(name):
    """A name as written, marked lang="en" when in Latin letters (another spelling of a person's name on
    a Russian or Kazakh page is read out with English sounds, not as a word of the page's language)."""
    if get_language() != settings.LANGUAGE_CODE and name and in_latin_letters(name):
        return format_html('<span lang="en">{}</span>', name)
    return name
