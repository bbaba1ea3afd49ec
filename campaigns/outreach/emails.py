"""Every email is rendered here from three templates: emails/<name>_subject.txt, .txt and .html."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from campaigns.core.site import absolute

from .tokens import MANAGE_SALT, UNSUBSCRIBE_SALT, subscriber_token


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
