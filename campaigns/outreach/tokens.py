"""Signed links in emails (confirm, change preferences, unsubscribe), and keyed hashes of addresses.

A signed payload is readable (base64), so it carries a keyed hash of the address, not the address:
URLs end up in logs. The hash also makes a link stop working if the row ever holds another address.
Links stay valid across a key rotation while the old key is in DJANGO_SECRET_KEY_FALLBACKS.
"""

import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from .models import Subscriber

UNSUBSCRIBE_SALT = "campaigns.unsubscribe"
MANAGE_SALT = "campaigns.manage"
CONFIRM_SALT = "campaigns.confirm"
ADDRESS_SALT = "campaigns.outreach.address"


def _keys():
    return [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]


def address_hash(email, secret=None):
    return salted_hmac(ADDRESS_SALT, email.strip().lower(), secret=secret, algorithm="sha256").hexdigest()


def address_hashes(email):
    """The address's hash under the current key and every fallback key."""
    return [address_hash(email, key) for key in _keys()]


def _unsalted_digest(email):
    # Links sent before November 2026 carry this plain hash; they must keep unsubscribing.
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def subscriber_token(subscriber, salt):
    return subscriber_tokens(subscriber, [salt])[0]


def subscriber_tokens(subscriber, salts):
    """One token per salt for this subscriber; the address is hashed once (a tick signs thousands)."""
    payload = [subscriber.pk, address_hash(subscriber.email)[:32]]
    return [signing.dumps(payload, salt=salt) for salt in salts]


def subscriber_from_token(token, salt, max_age=None):
    """The subscriber a signed link was made for, or None for a tampered, expired or stale link."""
    try:
        pk, digest = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        return None
    candidates = [full[:32] for full in address_hashes(subscriber.email)] + [_unsalted_digest(subscriber.email)]
    if not any(hmac.compare_digest(candidate, str(digest)) for candidate in candidates):
        return None
    return subscriber
