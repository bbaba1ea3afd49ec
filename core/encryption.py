"""Private fields encrypted at rest: family and lawyer contacts, consent and internal notes, staff
notes, a reporter's contact. The database file, and every dump or backup of it, holds them only as
Fernet tokens (AES-128-CBC with HMAC-SHA-256, from `cryptography`, well kept and audited).

Keys come from FIELD_ENCRYPTION_KEYS, newest first (MultiFernet): a value is written with the
first key and read with any, so a new key goes in front and `manage.py reencrypt_private_fields`
then rewrites every value with it, after which the old key can go. Production refuses to start
without a key; development makes one under VAR_DIR the first time it is needed. The keys are apart
from DJANGO_SECRET_KEY on purpose: rotating the secret key (every signed link) must not lock the
record's private notes away.
"""

import functools
import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"  # what tells an encrypted value from one written before encryption


def _keys():
    return tuple(settings.FIELD_ENCRYPTION_KEYS) or (_development_key(),)


def _development_key():
    path = settings.VAR_DIR / "field-encryption-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as key_file:
            key_file.write(Fernet.generate_key())
    return path.read_text().strip()


@functools.lru_cache(maxsize=4)
def _fernet(keys):
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS holds a key that is not a Fernet key: {error}") from None


def encrypt(text):
    return PREFIX + _fernet(_keys()).encrypt(text.encode()).decode()


def decrypt(stored):
    if not stored.startswith(PREFIX):
        return stored  # written before the field was encrypted (the migration encrypts them all)
    try:
        return _fernet(_keys()).decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "A private field cannot be decrypted with FIELD_ENCRYPTION_KEYS: is the key it was written with missing?"
        ) from None


def encrypt_bytes(content):
    """A whole file (a backup), with the newest key."""
    return _fernet(_keys()).encrypt(content)


def decrypt_bytes(token):
    try:
        return _fernet(_keys()).decrypt(token)
    except InvalidToken:
        raise ImproperlyConfigured("The file cannot be decrypted with FIELD_ENCRYPTION_KEYS.") from None


class EncryptedTextField(models.TextField):
    """Text stored encrypted; read back as text. It cannot be searched or filtered on by its value."""

    description = "Text, encrypted at rest"

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value


def encrypted_fields():
    """[(model, field name)] of every encrypted field."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
