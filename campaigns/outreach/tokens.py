"""Signed links in emails: confirm, change preferences, unsubscribe."""

import hashlib
import hmac

from django.core import signing

from .models import Subscriber

UNSUBSCRIBE_SALT = "campaigns.unsubscribe"
MANAGE_SALT = "campaigns.manage"
CONFIRM_SALT = "campaigns.confirm"


def address_digest(email):
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def subscriber_token(subscriber, salt):
    # A signed payload is readable (base64), so it carries a digest of the address, not the address:
    # URLs end up in logs. The digest makes a link stop working if the row ever holds another address.
    return signing.dumps([subscriber.pk, address_digest(subscriber.email)], salt=salt)


def subscriber_from_token(token, salt, max_age=None):
    """The subscriber a signed link was made for, or None for a tampered, expired or stale link."""
    try:
        pk, digest = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or not hmac.compare_digest(address_digest(subscriber.email), str(digest)):
        return None
    return subscriber
