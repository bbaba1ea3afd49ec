"""Signed links in emails (confirm, change preferences, unsubscribe), and keyed hashes of addresses.

A signed payload is readable (base64), so it carries a keyed hash of the address, not the address:
URLs end up in logs. The hash also makes a link stop working if the row ever holds another address.
Links stay valid across a key rotation while the old key is in DJANGO_SECRET_KEY_FALLBACKS.
"""

import functools
import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.utils.encoding import force_bytes

from .models import Subscriber

# Salts name where this module once lived. They are fixed: a new salt would break every link already
# sent and every suppression entry (a keyed hash of an address that unsubscribed).
UNSUBSCRIBE_SALT = "campaigns.unsubscribe"
MANAGE_SALT = "campaigns.manage"
CONFIRM_SALT = "campaigns.confirm"
ADDRESS_SALT = "campaigns.outreach.address"


def _keys():
    return [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]


class _KeyedSigner(signing.TimestampSigner):
    """Django's signer, with its key derived once instead of on every signature.

    A tick signs two links per reader; deriving the key (and building the signer) each time was a
    good part of the sending thread's work per message. The output is Django's, byte for byte.
    """

    def __init__(self, key, salt):
        super().__init__(key=key, salt=salt)
        self._mac = _derived_mac(self.salt + "signer", self.key)

    def signature(self, value, key=None):
        if key is not None and key != self.key:
            return super().signature(value, key)
        mac = self._mac.copy()
        mac.update(force_bytes(value))
        return signing.b64_encode(mac.digest()).decode()


def _derived_mac(key_salt, secret):
    # As django.utils.crypto.salted_hmac derives it, computed once per (salt, key).
    return hmac.new(hashlib.sha256(force_bytes(key_salt) + force_bytes(secret)).digest(), digestmod=hashlib.sha256)


@functools.lru_cache(maxsize=16)
def _signer(salt, key):
    return _KeyedSigner(key, salt)


@functools.lru_cache(maxsize=8)
def _address_mac(secret):
    return _derived_mac(ADDRESS_SALT, secret)


def address_hash(email, secret=None):
    """salted_hmac(ADDRESS_SALT, address, sha256), with the derived key kept per secret."""
    mac = _address_mac(secret or settings.SECRET_KEY).copy()
    mac.update(force_bytes(email.strip().lower()))
    return mac.hexdigest()


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
    if not salts:
        return []
    payload = [subscriber.pk, address_hash(subscriber.email)[:32]]
    signers = [_signer(salt, settings.SECRET_KEY) for salt in salts]
    # What TimestampSigner.sign_object signs, built once for all the salts (a test holds it to
    # signing.dumps, byte for byte).
    value = signers[0].sep.join(
        [signing.b64_encode(signing.JSONSerializer().dumps(payload)).decode(), signers[0].timestamp()]
    )
    return [f"{value}{signer.sep}{signer.signature(value)}" for signer in signers]


def confirmation_token(subscriber, requested):
    """The confirmation link's token: the subscriber, and the choices their confirming will apply."""
    payload = [subscriber.pk, address_hash(subscriber.email)[:32], requested]
    return signing.dumps(payload, key=settings.SECRET_KEY, salt=CONFIRM_SALT)


def confirmation_from_token(token, max_age=None):
    """(subscriber, the choices asked for, or None) of a confirmation link; (None, None) if not valid."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None, None
    requested = payload[2] if isinstance(payload, list) and len(payload) == 3 else None
    return _subscriber_of(payload[:2] if isinstance(payload, list) else payload), requested


def subscriber_from_token(token, salt, max_age=None):
    """The subscriber a signed link was made for, or None for a tampered, expired or stale link."""
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return _subscriber_of(payload)


def _subscriber_of(payload):
    try:
        pk, digest = payload
    except (ValueError, TypeError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        return None
    candidates = [full[:32] for full in address_hashes(subscriber.email)] + [_unsalted_digest(subscriber.email)]
    if not any(hmac.compare_digest(candidate, str(digest)) for candidate in candidates):
        return None
    return subscriber
