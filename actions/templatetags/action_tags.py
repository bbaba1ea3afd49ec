"""An action's deadline on a page: in the reader's language and the campaign's time, with the moment in
UTC for machines and for the page's script, which adds the reader's own time."""

from django import template
from django.utils.html import format_html

from ..public import deadline_text, utc_moment

register = template.Library()


@register.simple_tag
def deadline(action):
    """`{% deadline action %}`: <time datetime="2026-12-15T18:59:00+00:00">by 15 December 2026, 23:59
    Almaty time</time> (needs the action's campaign, for its time zone)."""
    return format_html(
        '<time class="deadline" datetime="{}" data-tz="{}">{}</time>',
        utc_moment(action.deadline_at),
        action.campaign.timezone,
        deadline_text(action),
    )
