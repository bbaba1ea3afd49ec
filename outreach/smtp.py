"""SMTP that can tell "the server certainly did not take it" from "it may have".

Once the message body and its closing dot have gone out, a timeout or a dropped connection says
nothing about delivery: the server may have stored the message and not yet answered. Sending it
again would give the reader a second copy, so such a send is "uncertain" and never retried on its
own. Before that point, or when the server answered with an error, the outcome is certain.
"""

import enum
import smtplib
from dataclasses import dataclass

from django.core.mail.backends.smtp import EmailBackend as DjangoEmailBackend


class _BodyTracking:
    """Notes when the body of the current message has been handed to the network."""

    body_sent = False
    _stage = None

    def mail(self, *args, **kwargs):
        self.body_sent = False
        return super().mail(*args, **kwargs)

    def data(self, msg):
        self._stage = "command"
        try:
            return super().data(msg)
        finally:
            self._stage = None

    def send(self, s):
        super().send(s)
        # smtplib's data() sends the DATA command, then (after 354) the body with its final dot.
        if self._stage == "command":
            self._stage = "body"
        elif self._stage == "body":
            self.body_sent = True


class _SMTP(_BodyTracking, smtplib.SMTP):
    pass


class _SMTP_SSL(_BodyTracking, smtplib.SMTP_SSL):
    pass


class EmailBackend(DjangoEmailBackend):
    """Django's SMTP backend, with connections that know whether a body went out."""

    @property
    def connection_class(self):
        return _SMTP_SSL if self.use_ssl else _SMTP


class Outcome(enum.Enum):
    RETRY = "retry"  # certainly not taken, worth another try later
    REFUSED = "refused"  # refused for good: the address (or the message) will not be accepted
    UNCERTAIN = "uncertain"  # the body went out and no answer came: it may have arrived
    UNREACHABLE = "unreachable"  # no usable connection: the server is down, hung or refusing us


@dataclass(frozen=True)
class Failure:
    outcome: Outcome
    reason: str
    address_refused: bool = False  # a permanent refusal of the recipient: stop writing to them


def _text(reply):
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


def classify(error, connection):
    """What a failed send means, from the exception and how far the SMTP session got."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        replies = list(error.recipients.values())
        reason = "; ".join(f"{code} {_text(text)}" for code, text in replies)
        if replies and all(code >= 500 for code, _text_ in replies):
            return Failure(Outcome.REFUSED, f"Address refused: {reason}", address_refused=True)
        return Failure(Outcome.RETRY, f"Address deferred: {reason}")
    if isinstance(error, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        # The server answered: it did not take the message.
        outcome = Outcome.REFUSED if error.smtp_code >= 500 else Outcome.RETRY
        return Failure(outcome, f"{type(error).__name__}: {error.smtp_code} {_text(error.smtp_error)}")
    reason = f"{type(error).__name__}: {error}"
    smtp = getattr(connection, "connection", None)
    if smtp is None:
        return Failure(Outcome.UNREACHABLE, reason)
    if getattr(smtp, "body_sent", True):
        # True also when the connection cannot say (another backend): never guess "not delivered".
        return Failure(Outcome.UNCERTAIN, f"No answer after the message was sent ({reason}); it may have arrived.")
    return Failure(Outcome.UNREACHABLE, reason)
