"""What an action's public pages show: where it stands, its steps, its message in a language, the
links that send it."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.dates import day_in_words, zone_city
from core.templatetags.dates import iso_moment

from .models import END_OF_DAY, Action

CURRENT, UPCOMING, PAST_DEADLINE, CLOSED = "current", "upcoming", "past-deadline", "closed"
# "1. ", "2) ", "- ", "• " at the start of a step: the page numbers the steps itself.
STEP_MARK = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+")


def phase(action, now=None):
    """Where the action stands for a supporter: one not yet closed by an editor is closed for taking
    part once its deadline has passed (campaign time)."""
    if action.status == Action.Status.CLOSED:
        return CLOSED
    now = now or timezone.now()
    if action.is_current(now):
        return CURRENT
    return UPCOMING if now < action.starts_at else PAST_DEADLINE


def phase_label(name):
    return {
        CURRENT: pgettext("action", "Open"),
        UPCOMING: pgettext("action", "Not open yet"),
        PAST_DEADLINE: pgettext("action", "Closed: the deadline has passed"),
        CLOSED: pgettext("action", "Closed"),
    }[name]


def steps(action):
    """The steps in the reader's language, one a line, without the numbers an editor may have typed."""
    return [STEP_MARK.sub("", line) for line in action.step_list]


def deadline_text(action):
    """The deadline in words, in the reader's language: "by 15 December 2026, 23:59 Almaty time"."""
    return _("by %(date)s, %(time)s %(city)s time") % {
        "date": day_in_words(action.deadline),
        "time": (action.deadline_time or END_OF_DAY).strftime("%H:%M"),
        "city": zone_city(action.campaign.timezone),
    }


def utc_moment(moment):
    """A moment as `<time datetime>` takes it, in UTC."""
    return iso_moment(moment.astimezone(datetime.UTC))


@dataclass(frozen=True)
class Letter:
    """The suggested message in one language (each part in English where it has no translation)."""

    language: str  # the language of the message itself
    subject: str
    salutation: str
    message: str

    @property
    def body(self):
        return "\n\n".join(part for part in (self.salutation, self.message) if part)

    @property
    def text(self):
        """What "Copy the message" copies: the subject, then the letter."""
        return "\n\n".join(part for part in (self.subject, self.body) if part)

    def mailto(self, email):
        """A `mailto:` address with the subject and body filled in (RFC 6068: percent-encoded, CRLF)."""
        body = "\r\n".join(self.body.splitlines())  # whatever line ends the admin's form stored
        return f"mailto:{quote(email, safe='@')}?subject={quote(self.subject, safe='')}&body={quote(body, safe='')}"


def letter_in(action, language):
    """The action's message in `language`, read from its columns (the active language does not matter)."""

    def column(field):
        return getattr(action, f"{field}_{language}", "") or getattr(action, f"{field}_{settings.LANGUAGE_CODE}") or ""

    own = bool(getattr(action, f"message_{language}", ""))
    return Letter(
        language=language if own else settings.LANGUAGE_CODE,
        subject=column("message_subject"),
        salutation=column("salutation"),
        message=column("message"),
    )


def letter_to_send(action, reader_language):
    """The message in the language the addressee reads (`write_in`), else the reader's."""
    return letter_in(action, action.write_in or reader_language)


def telephone_uri(phone):
    """`tel:` with the digits and a leading plus only (RFC 3966 allows no spaces)."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)
