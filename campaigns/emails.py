"""Every email is rendered here from three templates: emails/<name>_subject.txt, .txt and .html."""

import hashlib

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

UNSUBSCRIBE_SALT = "campaigns.unsubscribe"
MANAGE_SALT = "campaigns.manage"
CONFIRM_SALT = "campaigns.confirm"


def absolute(path):
    return settings.SITE_URL + path


def address_digest(email):
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def subscriber_token(subscriber, salt):
    # A signed payload is readable (base64), so it carries a digest of the address, not the address:
    # URLs end up in logs. The digest makes a link stop working if the row ever holds another address.
    return signing.dumps([subscriber.pk, address_digest(subscriber.email)], salt=salt)


def subscriber_links(subscriber):
    return {
        "unsubscribe_url": absolute(reverse("unsubscribe", args=[subscriber_token(subscriber, UNSUBSCRIBE_SALT)])),
        "manage_url": absolute(reverse("subscription_manage", args=[subscriber_token(subscriber, MANAGE_SALT)])),
    }


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
    """An email to a subscriber, with the RFC 8058 one-click unsubscribe headers."""
    links = subscriber_links(subscriber)
    headers = {
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        **(headers or {}),
    }
    return build_email(name, subscriber.email, {**context, **links}, subscriber.language, headers, connection)
