"""The knobs an operator sets: every setting read from the environment, with its default.

Each variable is documented in docs/configuration.md (a test fails when one is not). Development
works with no environment at all; DJANGO_DEBUG=false makes the defaults strict. Any variable can
also be given as NAME_FILE, the path of a file holding the value (a container secret).
"""

import datetime
import os
from email.utils import parseaddr
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    value = os.environ.get(name)
    if value is None:
        file_name = os.environ.get(f"{name}_FILE")
        if file_name:
            return Path(file_name).read_text().strip()
        return default
    return value


def envbool(name, default):
    value = env(name, "").strip().lower()
    if value == "":
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    # A typo such as DJANGO_DEBUG=flase must not silently leave debug on in production.
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name, default):
    value = env(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name, default):
    value = env(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


# The site and its secrets
DEBUG = envbool("DJANGO_DEBUG", True)
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG=false")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production-000000"  # noqa: S105 (debug only)
# Old keys still accepted for signatures (the links in emails already sent) after a rotation.
SECRET_KEY_FALLBACKS = envlist("DJANGO_SECRET_KEY_FALLBACKS", [])
ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ADMIN_URL = env("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Where things are kept
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASE_CONN_MAX_AGE = envint("DATABASE_CONN_MAX_AGE", 60)
REDIS_URL = env("REDIS_URL")
VAR_DIR = Path(env("VAR_DIR", str(BASE_DIR / "var")))
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
# Photos are re-encoded on upload; this bounds the work and the memory it takes.
MAX_PHOTO_BYTES = envint("MAX_PHOTO_BYTES", 5 * 1024 * 1024)

# Private fields (contacts, consent and internal notes, staff notes, a reporter's contact) are
# encrypted with these Fernet keys, newest first (core/encryption.py). Required in production.
FIELD_ENCRYPTION_KEYS = envlist("FIELD_ENCRYPTION_KEYS", [])

# Email: Django's own setting names. With EMAIL_HOST set mail goes out by SMTP.
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Zhanaozen tracker <alerts@localhost>")
# Shown on every profile and demand page: where to ask for a correction or a removal.
CORRECTIONS_EMAIL = env("DJANGO_CORRECTIONS_EMAIL", parseaddr(DEFAULT_FROM_EMAIL)[1])
# Told (a reference and an admin link, nothing of the content) when a report or correction arrives.
REPORTS_EMAILS = envlist("DJANGO_REPORTS_EMAILS", [CORRECTIONS_EMAIL])
# The staff's working language: their accounts have no language of their own.
STAFF_DIGEST_LANGUAGE = env("STAFF_DIGEST_LANGUAGE", "en")

# The record
# The admin's "verification" filter lists profiles not checked against their sources for this long.
RECORD_STALE_DAYS = envint("RECORD_STALE_DAYS", 180)

# Public pages: kept this long per address and language (0 turns the cache off), and this long in
# browsers and shared caches before they check back (then a 304 if unchanged).
PUBLIC_PAGE_CACHE_SECONDS = envint("PUBLIC_PAGE_CACHE_SECONDS", 600)
PUBLIC_PAGE_MAX_AGE = envint("PUBLIC_PAGE_MAX_AGE", 60)

# Limits per visitor address; over them the answer is 429.
REPORT_RATE_PER_IP = env("REPORT_RATE_PER_IP", "5/h")
API_RATE_PER_IP = env("API_RATE_PER_IP", "120/m")
SEARCH_RATE_PER_IP = env("SEARCH_RATE_PER_IP", "60/m")
ACTION_DONE_RATE_PER_IP = env("ACTION_DONE_RATE_PER_IP", "30/h")
EXPORT_RATE_PER_IP = env("EXPORT_RATE_PER_IP", "30/h")
SUBSCRIBE_RATE_PER_IP = env("SUBSCRIBE_RATE_PER_IP", "10/h")
SUBSCRIBE_RATE_PER_ADDRESS = env("SUBSCRIBE_RATE_PER_ADDRESS", "3/h")

# The visitor's address behind a reverse proxy (core/client_ip.py): the header the proxy sets, and
# how many proxies of ours append to X-Forwarded-For.
BEHIND_PROXY = envbool("DJANGO_BEHIND_PROXY", not DEBUG)
CLIENT_IP_HEADER = env("DJANGO_CLIENT_IP_HEADER", "").strip()
PROXY_COUNT = envint("DJANGO_PROXY_COUNT", 1)

# HTTPS, in production only (development serves plain HTTP). The defaults are the strict ones; each
# can be relaxed behind a proxy that already does the job.
SECURE_SSL_REDIRECT = not DEBUG and envbool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 0 if DEBUG else envint("DJANGO_SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG and envbool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = not DEBUG and envbool("DJANGO_SECURE_HSTS_PRELOAD", True)

# Staff sign-in. Failed attempts lock out one (account, address) pair, never the account itself:
# guesses sent from elsewhere cannot keep a campaigner out. A correct password clears the count.
ADMIN_LOGIN_FAILURES = envint("ADMIN_LOGIN_FAILURES", 10)
ADMIN_LOGIN_LOCKOUT = datetime.timedelta(minutes=envint("ADMIN_LOGIN_LOCKOUT_MINUTES", 60))
# One address that fails on many accounts (password spraying) is slowed as well, by failures only.
ADMIN_LOGIN_FAILURES_PER_IP = env("ADMIN_LOGIN_FAILURES_PER_IP", "30/h")
# A code from an authenticator app after the password (accounts/two_factor.py). On in production;
# off in development, so the demo login works without a phone.
ADMIN_REQUIRE_2FA = envbool("DJANGO_ADMIN_REQUIRE_2FA", not DEBUG)
# The name the authenticator app lists the account under: plain, since a phone may be searched.
OTP_TOTP_ISSUER = env("DJANGO_OTP_ISSUER", "Tracker")
# Staff sessions end this long after signing in, however busy (accounts/middleware.py), and after
# ADMIN_IDLE_MINUTES without a request: a laptop left open or taken is signed out.
SESSION_COOKIE_AGE = envint("DJANGO_SESSION_HOURS", 8) * 60 * 60
ADMIN_IDLE_MINUTES = envint("ADMIN_IDLE_MINUTES", 30)

# Reminders (docs/reminders.md). The beat tick scans the database; nothing is scheduled with an ETA.
REMINDER_TICK_SECONDS = envint("REMINDER_TICK_SECONDS", 300)
REMINDER_LOCAL_HOUR = envint("REMINDER_LOCAL_HOUR", 9)  # alerts go out from this hour, campaign time
REMINDER_BATCH_SIZE = envint("REMINDER_BATCH_SIZE", 500)  # rows claimed at a time
REMINDER_SMTP_CONNECTIONS = envint("REMINDER_SMTP_CONNECTIONS", 4)  # sent over at once
REMINDER_RETENTION_DAYS = envint("REMINDER_RETENTION_DAYS", 180)  # outbox rows older than this are pruned
REMINDER_SEND_SECONDS = envint("REMINDER_SEND_SECONDS", 240)  # per tick, under REMINDER_TICK_SECONDS
REMINDER_MAX_ATTEMPTS = envint("REMINDER_MAX_ATTEMPTS", 6)
REMINDER_STALE_MINUTES = envint("REMINDER_STALE_MINUTES", 15)
SUBSCRIPTION_CONFIRM_DAYS = envint("SUBSCRIPTION_CONFIRM_DAYS", 7)
# Actions (docs/reminders.md): one reminder this many days before the deadline, to followers who have
# not marked it done; an outcome is sent to those who acted if it comes within ACTION_FOLLOW_UP_DAYS.
ACTION_REMINDER_DAYS = envint("ACTION_REMINDER_DAYS", 3)
ACTION_FOLLOW_UP_DAYS = envint("ACTION_FOLLOW_UP_DAYS", 60)
# Background work runs in the web process instead of a worker (tests, a one-process trial).
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", False)

LOG_LEVEL = env("LOG_LEVEL", "INFO")
# Tests and CI: servers are required, so a test that needs one fails instead of skipping.
REQUIRE_SERVICES = envbool("REQUIRE_SERVICES", False)
