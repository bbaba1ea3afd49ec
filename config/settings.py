"""Settings, read from the environment.

Development works with no environment at all (SQLite, console email, a broker on the
filesystem). With DJANGO_DEBUG=false the settings are strict: a secret key is required and
`manage.py check --deploy` has nothing to say.
"""

import datetime
import os
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


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

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as it asks: it patches the models the admin then reads
    "campaigns.core.admin_app.TrackerAdminConfig",  # django.contrib.admin, with the 2FA-aware site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "ninja",  # its own Swagger UI files (static), never a CDN
    "axes",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # In the order the layers depend on one another (README, "Architecture").
    "campaigns.core",
    "prisoners",
    "demands",
    "campaigns",
    "campaigns.outreach",
    "campaigns.reports",
    "campaigns.api",
    "campaigns.accountability",
    # Last, as its documentation asks: removes a photo's file when it is cleared, replaced or purged.
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers 304 to a matching If-None-Match, for cached pages and fresh ones alike.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "campaigns.core.languages.FirstVisitLanguageMiddleware",
    # After the language is known (part of the key); the security headers below are stored with the page.
    "campaigns.core.public_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # which device verified the session, if any
    "campaigns.core.middleware.StaffSessionExpiryMiddleware",
    "campaigns.core.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "campaigns.core.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lockout into a 429
]

# Anonymous public pages: kept this long per address and language (0 turns the cache off), and
# this long in browsers and shared caches before they check back (then a 304 if unchanged).
PUBLIC_PAGE_CACHE_SECONDS = envint("PUBLIC_PAGE_CACHE_SECONDS", 600)
PUBLIC_PAGE_MAX_AGE = envint("PUBLIC_PAGE_MAX_AGE", 60)

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "campaigns.core.site.public_settings",
                "campaigns.core.languages.language_alternates",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("kk", _("Kazakh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
# Public text of records in every language (translation.py of each app); English is the record's own
# language and what a missing translation falls back to.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_CAMPAIGN_TIMEZONE = "Asia/Almaty"

STATIC_URL = "static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "templates" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Photos are re-encoded on upload; this bounds the work and the memory it takes.
MAX_PHOTO_BYTES = envint("MAX_PHOTO_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_PHOTO_BYTES + 1024 * 1024

# Email: Django's own setting names. With EMAIL_HOST set mail goes out by SMTP.
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Zhanaozen tracker <alerts@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The admin's "verification" filter lists profiles not checked against their sources for this long.
RECORD_STALE_DAYS = envint("RECORD_STALE_DAYS", 180)
# Shown on every profile and demand page: where to ask for a correction or a removal.
CORRECTIONS_EMAIL = env("DJANGO_CORRECTIONS_EMAIL", parseaddr(DEFAULT_FROM_EMAIL)[1])
# Told (a reference and an admin link, nothing of the content) when a report or correction arrives.
REPORTS_EMAILS = envlist("DJANGO_REPORTS_EMAILS", [CORRECTIONS_EMAIL])
REPORT_RATE_PER_IP = env("REPORT_RATE_PER_IP", "5/h")
# Exports and the API (campaigns/api), per visitor address; over the limit they answer 429.
API_RATE_PER_IP = env("API_RATE_PER_IP", "120/m")
EXPORT_RATE_PER_IP = env("EXPORT_RATE_PER_IP", "30/h")
EMAIL_BACKEND = (
    # Django's SMTP backend, with connections that tell whether a message body went out.
    "campaigns.outreach.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)

# Celery: Redis in production; without it, a broker on the filesystem so that the worker and
# beat still run on a laptop with nothing installed.
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
else:
    _broker_dir = VAR_DIR / "celery-broker"
    (_broker_dir / "processed").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# The visitor's address behind a reverse proxy (campaigns/core/client_ip.py): the header the proxy
# sets, and how many proxies of ours append to X-Forwarded-For.
BEHIND_PROXY = envbool("DJANGO_BEHIND_PROXY", not DEBUG)
CLIENT_IP_HEADER = env("DJANGO_CLIENT_IP_HEADER", "").strip()
CLIENT_IP_META_KEY = "HTTP_" + CLIENT_IP_HEADER.upper().replace("-", "_") if CLIENT_IP_HEADER else ""
PROXY_COUNT = envint("DJANGO_PROXY_COUNT", 1)
if BEHIND_PROXY and not CLIENT_IP_HEADER:
    # Every visitor would share the proxy's address: one attacker could lock every campaigner out.
    raise ImproperlyConfigured(
        "DJANGO_BEHIND_PROXY is on: set DJANGO_CLIENT_IP_HEADER to the header your proxy puts the "
        "visitor's address in (for example X-Forwarded-For), or DJANGO_BEHIND_PROXY=false if there is no proxy."
    )
if PROXY_COUNT < 1:
    raise ImproperlyConfigured("DJANGO_PROXY_COUNT must be 1 or more")
RATELIMIT_IP_META_KEY = "campaigns.core.client_ip.client_ip"

# Production hardening. Each can be relaxed by its variable (for example behind a proxy that
# already redirects), but the defaults are the strict ones.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
    SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Staff sessions end this long after signing in, however busy (campaigns.core.middleware), and
# after ADMIN_IDLE_MINUTES without a request: a laptop left open or taken is signed out.
SESSION_COOKIE_AGE = envint("DJANGO_SESSION_HOURS", 8) * 60 * 60
ADMIN_IDLE_MINUTES = envint("ADMIN_IDLE_MINUTES", 30)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

# Tests and CI: servers are required, so a test that needs one fails instead of skipping.
REQUIRE_SERVICES = envbool("REQUIRE_SERVICES", False)

# Reminders. The beat tick scans the database; nothing is scheduled with an ETA.
REMINDER_TICK_SECONDS = envint("REMINDER_TICK_SECONDS", 300)
REMINDER_LOCAL_HOUR = envint("REMINDER_LOCAL_HOUR", 9)  # alerts go out from this hour, campaign time
REMINDER_BATCH_SIZE = envint("REMINDER_BATCH_SIZE", 500)  # rows claimed at a time
REMINDER_SMTP_CONNECTIONS = envint("REMINDER_SMTP_CONNECTIONS", 4)  # sent over at once
REMINDER_RETENTION_DAYS = envint("REMINDER_RETENTION_DAYS", 180)  # outbox rows older than this are pruned
REMINDER_SEND_SECONDS = envint("REMINDER_SEND_SECONDS", 240)  # per tick, under REMINDER_TICK_SECONDS
REMINDER_MAX_ATTEMPTS = envint("REMINDER_MAX_ATTEMPTS", 6)
REMINDER_STALE_MINUTES = envint("REMINDER_STALE_MINUTES", 15)
SUBSCRIPTION_CONFIRM_DAYS = envint("SUBSCRIPTION_CONFIRM_DAYS", 7)
STAFF_DIGEST_DAYS = 14
# The staff's working language: their accounts have no language of their own.
STAFF_DIGEST_LANGUAGE = env("STAFF_DIGEST_LANGUAGE", "en")
if STAFF_DIGEST_LANGUAGE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"STAFF_DIGEST_LANGUAGE must be one of {', '.join(dict(LANGUAGES))}, not {STAFF_DIGEST_LANGUAGE!r}")

SUBSCRIBE_RATE_PER_IP = env("SUBSCRIBE_RATE_PER_IP", "10/h")
SUBSCRIBE_RATE_PER_ADDRESS = env("SUBSCRIBE_RATE_PER_ADDRESS", "3/h")
# Admin sign-in. Failed attempts lock out one (account, address) pair, never the account itself:
# guesses sent from elsewhere cannot keep a campaigner out. A correct password clears the count.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = envint("ADMIN_LOGIN_FAILURES", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("ADMIN_LOGIN_LOCKOUT_MINUTES", 60))
AXES_VERBOSE = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "campaigns.core.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "campaigns.core.admin_login.attempted_username"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]
# Two-factor sign-in (campaigns/core/two_factor.py): a code from an authenticator app after the
# password. On in production; off in development, so the demo login works without a phone.
ADMIN_REQUIRE_2FA = envbool("DJANGO_ADMIN_REQUIRE_2FA", not DEBUG)
# The name the authenticator app lists the account under: plain, since a phone may be searched.
OTP_TOTP_ISSUER = env("DJANGO_OTP_ISSUER", "Tracker")
# One address that fails on many accounts (password spraying) is slowed as well, by failures only.
ADMIN_LOGIN_FAILURES_PER_IP = env("ADMIN_LOGIN_FAILURES_PER_IP", "30/h")
