"""An audit entry's changes in words (core.audit), for the admin's log and a record's history."""

from django import template

from ..audit import changes_in_words

register = template.Library()


@register.filter
def in_words(entry):
    """`{% with lines=entry|in_words %}`: [Line(label, before, after)]."""
    return changes_in_words(entry)
