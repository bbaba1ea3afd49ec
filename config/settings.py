"""Django's settings: how the project is put together.

What an operator sets comes from the environment, in config/environment.py (documented in
docs/configuration.md); everything below is derived from it or fixed by the code.
"""
# ruff: noqa: F405 (the knobs come in with the star import, as Django's settings convention has it)

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import *  # noqa: F403

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as it asks: it patches the models the admin then reads
    "accounts.admin_app.TrackerAdminConfig",  # django.contrib.admin, with the 2FA-aware site
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
    # From the bottom layer up (docs/architecture.md).
    "core",
    "accounts",
    "prisoners",
    "demands",
    "campaigns",
    "actions",
    "outreach",
    "accountability",
    "reports",
    "api",
    "pages",
    "demo",
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
    "core.languages.FirstVisitLanguageMiddleware",
    # After the language is known (part of the key); the security headers below are stored with the page.
    "core.public_cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # which device verified the session, if any
    "accounts.middleware.StaffSessionExpiryMiddleware",
    "accounts.middleware.AdminLanguageMiddleware",  # the admin in the staff member's language
    "core.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "core.gone.RecordGoneMiddleware",  # 410 Gone for a record taken offline (core/gone.py)
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lockout into a 429
]

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
                "core.site.public_settings",
                "core.languages.language_alternates",
            ],
        },
    },
]

# Kept open between requests (checked before reuse): a new PostgreSQL connection per request costs more
# than most pages.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=DATABASE_CONN_MAX_AGE, conn_health_checks=True)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "default" keeps rendered pages and share cards; "limits" the rate limits' counts (core/cache.py).
# With Redis, both go there, and when it cannot be reached pages are rendered afresh and the counts go
# to the database, shared by every process. Without Redis, pages are kept in each process's memory
# (correct across processes: the record's version is in the database) and counts in the database.
_DATABASE_CACHE = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "core_cache_entry"}
if REDIS_URL:
    CACHES = {
        "redis": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A request never hangs on a Redis that does not answer.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
        "none": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "database": _DATABASE_CACHE,
        "default": {"BACKEND": "core.cache.FallbackCache", "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "none"}},
        "limits": {"BACKEND": "core.cache.FallbackCache", "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "database"}},
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "limits": _DATABASE_CACHE}
RATELIMIT_USE_CACHE = "limits"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("kk", _("Kazakh"))]
# Ours first (makemessages writes only there); then what Django's and the admin's packages' own Russian
# and Kazakh catalogues leave untranslated (docs/languages.md). Both come before any installed app's.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
FORMAT_MODULE_PATH = ["config.formats"]
# Public text of records in every language (translation.py of each app); English is the record's own
# language and what a missing translation falls back to.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_CAMPAIGN_TIMEZONE = "Asia/Almaty"
if STAFF_DIGEST_LANGUAGE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"STAFF_DIGEST_LANGUAGE must be one of {', '.join(dict(LANGUAGES))}, not {STAFF_DIGEST_LANGUAGE!r}"
    )

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_PHOTO_BYTES + 1024 * 1024

SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = (
    # Django's SMTP backend, with connections that tell whether a message body went out.
    "outreach.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
STAFF_DIGEST_DAYS = 14
# Figures over the whole public record (statistics, counts, filter choices) kept per version of it
# (core/figures.py). Tests that change records without committing turn it off, as they do the page cache.
KEEP_FIGURES = True

# Celery: Redis in production; without it, a broker on the filesystem (config/broker.py, which makes
# its folders when first used) so that the worker and beat still run on a laptop with nothing installed.
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT = "config.broker:Transport"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(VAR_DIR / "celery-broker"),
        "data_folder_out": str(VAR_DIR / "celery-broker"),
        "processed_folder": str(VAR_DIR / "celery-broker" / "processed"),
        "control_folder": str(VAR_DIR / "celery-broker" / "control"),
        "store_processed": False,
    }
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

CLIENT_IP_META_KEY = "HTTP_" + CLIENT_IP_HEADER.upper().replace("-", "_") if CLIENT_IP_HEADER else ""
if BEHIND_PROXY and not CLIENT_IP_HEADER:
    # Every visitor would share the proxy's address: one attacker could lock every campaigner out.
    raise ImproperlyConfigured(
        "DJANGO_BEHIND_PROXY is on: set DJANGO_CLIENT_IP_HEADER to the header your proxy puts the "
        "visitor's address in (for example X-Forwarded-For), or DJANGO_BEHIND_PROXY=false if there is no proxy."
    )
if not DEBUG and not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS is required when DJANGO_DEBUG=false: families' and lawyers' contacts and the "
        "staff's notes are encrypted at rest with it. Make one with: .venv/bin/python -c 'from cryptography.fernet "
        "import Fernet; print(Fernet.generate_key().decode())', and keep it apart from the database's backups."
    )
if PROXY_COUNT < 1:
    raise ImproperlyConfigured("DJANGO_PROXY_COUNT must be 1 or more")
RATELIMIT_IP_META_KEY = "core.client_ip.client_ip"

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = ADMIN_LOGIN_FAILURES
AXES_COOLOFF_TIME = ADMIN_LOGIN_LOCKOUT
AXES_VERBOSE = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "accounts.forms.attempted_username"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
