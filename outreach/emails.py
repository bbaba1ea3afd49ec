"""Every email is rendered here from three templates: emails/<name>_subject.txt, .txt and .html.

Rendered under the reader's language, where the record's text is put into words: text read before
(in the worker, in its language) must be read under that language too, or carry every language
(`core.languages.Translated`, as a reminder's occasion does).

A reminder goes to thousands of readers who differ only in their address and their personal links
(unsubscribe, preferences) and the Message-ID. `SharedMessage` renders it once, with markers in
those places, and swaps the markers per reader, in the finished bytes when it can.
"""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.site import absolute_url

from .tokens import MANAGE_SALT, UNSUBSCRIBE_SALT, subscriber_tokens

# The personal links in every email to a subscriber: (context name, URL name, signing salt).
PERSONAL_LINKS = [
    ("unsubscribe_url", "unsubscribe", UNSUBSCRIBE_SALT),
    ("manage_url", "subscription_manage", MANAGE_SALT),
]


def link_patterns(links=PERSONAL_LINKS):
    """Each personal link as (before, after) the token: resolved once, then filled per reader.
    `links`: (context name, URL name, salt, the URL's arguments before the token)."""
    marker = "-token-"
    patterns = {}
    for key, name, _salt, *args in links:
        before, _marker, after = absolute_url(reverse(name, args=[*(args[0] if args else ()), marker])).rpartition(
            marker
        )
        patterns[key] = (before, after)
    return patterns


def subscriber_links(subscriber, patterns=None, links=PERSONAL_LINKS):
    patterns = patterns or link_patterns(links)
    tokens = subscriber_tokens(subscriber, [link[2] for link in links])
    return {link[0]: token.join(patterns[link[0]]) for link, token in zip(links, tokens, strict=True)}


def unsubscribe_headers(unsubscribe_url):
    """RFC 8058 one-click unsubscribe."""
    return {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def build_email(name, to, context, language="en", headers=None, connection=None):
    context = {"site_url": settings.SITE_URL, "language": language, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
        text = render_to_string(f"emails/{name}.txt", context)
        html = render_to_string(f"emails/{name}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[to], headers=headers or {}, connection=connection)
    message.attach_alternative(html, "text/html")
    return message


def build_subscriber_email(name, subscriber, context, headers=None, connection=None):
    """An email to one subscriber, with the one-click unsubscribe headers."""
    with translation.override(subscriber.language):
        links = subscriber_links(subscriber)
    headers = {**unsubscribe_headers(links["unsubscribe_url"]), **(headers or {})}
    return build_email(name, subscriber.email, {**context, **links}, subscriber.language, headers, connection)


def envelope(message):
    """(sender, recipients, bytes) as Django's SMTP backend would hand them to smtplib."""
    encoding = message.encoding or settings.DEFAULT_CHARSET
    recipients = [sanitize_address(address, encoding) for address in message.recipients()]
    return sanitize_address(message.from_email, encoding), recipients, message.message().as_bytes(linesep="\r\n")


class SharedMessage:
    """One email rendered once for many subscribers. `extra_links`: personal links beyond
    unsubscribing and preferences (an action's "I did it"), as in PERSONAL_LINKS."""

    MARKS = {
        "to": "reader@x-placeholder.invalid",
        "unsubscribe_url": "https://x-placeholder.invalid/unsubscribe",
        "manage_url": "https://x-placeholder.invalid/manage",
        "message_id": "<x-message-id@x-placeholder.invalid>",
    }

    def __init__(self, name, language, context, extra_links=()):
        self.links = [*PERSONAL_LINKS, *extra_links]
        self.marks = marks = {
            **self.MARKS,
            **{link[0]: f"https://x-placeholder.invalid/{link[0]}" for link in extra_links},
        }
        headers = {**unsubscribe_headers(marks["unsubscribe_url"]), "Message-ID": marks["message_id"]}
        context = {**context, **{link[0]: marks[link[0]] for link in self.links}}
        self.message = build_email(name, marks["to"], context, language, headers)
        with translation.override(language):
            self.link_patterns = link_patterns(self.links)
        self.sender, _recipients, raw = envelope(self.message)
        # The bytes cut at the markers once: [text, key, text, key, ..., text], joined per reader.
        by_mark = {mark.encode(): key for key, mark in marks.items()}
        pieces = re.split(b"(" + b"|".join(map(re.escape, by_mark)) + b")", raw)
        self.pieces = [by_mark.get(piece, piece) if n % 2 else piece for n, piece in enumerate(pieces)]
        # The swap in bytes is exact only when every marker came out whole (no encoding split one).
        self.swappable = set(self.pieces[1::2]) == set(marks)

    def values_for(self, subscriber, message_id):
        links = subscriber_links(subscriber, self.link_patterns, self.links)
        return {"to": subscriber.email, **links, "message_id": message_id}

    def envelope_for(self, values):
        """(sender, recipients, bytes) for one reader; None when only a full rendering will do."""
        if not self.swappable or not values["to"].isascii():
            return None
        encoded = {key: value.encode() for key, value in values.items()}
        raw = b"".join(encoded[piece] if n % 2 else piece for n, piece in enumerate(self.pieces))
        return self.sender, [values["to"]], raw

    def email_for(self, values, connection=None):
        """The same email as a Django message, for backends that are not SMTP and for odd addresses."""

        def swap(text):
            for key, mark in self.marks.items():
                text = text.replace(mark, values[key])
            return text

        message = EmailMultiAlternatives(
            self.message.subject,
            swap(self.message.body),
            to=[values["to"]],
            connection=connection,
            headers={name: swap(value) for name, value in self.message.extra_headers.items()},
        )
        for content, mimetype in self.message.alternatives:
            message.attach_alternative(swap(content), mimetype)
        return message
