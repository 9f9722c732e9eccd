"""Settings shared by every environment; everything variable comes from the environment."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "relais"


def env_bool(name, default=False):
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def next_redis_database(url):
    """Return a Redis URL pointing at the database after the one `url` names (0 if none)."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0) + 1
    return urlunsplit(parts._replace(path=f"/{number}"))


def env_required(name):
    """Read an environment variable that production cannot run without."""
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "relais.core",
    "relais.journey",
    "relais.glossary",
    "relais.stories",
    "relais.collect",
    "relais.knowledge",
    "relais.diagnostic",
    "relais.ideas",
    "relais.contact",
    "relais.staff",
    "relais.packs",
    "relais.search",
    "relais.demo",
    "relais.backups",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "relais.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "relais.core.middleware.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Both after the messages: an idle session is told why it ended.
    "relais.core.sessions.IdleSessionMiddleware",
    "relais.staff.middleware.AdminSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The site and the top of the page tree, from the content cache (relais/core/site_tree.py).
    "relais.core.site_tree.CachedSiteMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "relais.core.context_processors.site_chrome",
                "relais.journey.context_processors.site_programme",
            ],
        },
    },
]

# Embedded default: SQLite in WAL mode. DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            # Deleted rows are overwritten with zeros, not left in free pages: erasure
            # (withdrawal, account deletion) must leave no byte of the words in the file.
            " PRAGMA secure_delete=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "relais",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Rendered public pages apart from sign-in counters and the rest, so that an erasure
    # can drop every cached page without resetting anybody's lockout.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "relais-pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
if os.environ.get("CACHE_URL", "").startswith("redis://"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["CACHE_URL"],
    }
    # Clearing a Redis cache empties its whole database: pages get a database of their own.
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("RELAIS_PAGE_CACHE_URL", "")
        or next_redis_database(os.environ["CACHE_URL"]),
    }
# Seconds a rendered public page may stay in cache; any content change invalidates it anyway.
RELAIS_PAGE_CACHE_SECONDS = int(os.environ.get("RELAIS_PAGE_CACHE_SECONDS", "600"))

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("TASKS_BACKEND") == "database":
    TASKS["default"] = {"BACKEND": "django_tasks_db.DatabaseBackend"}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",
]
# One-time sign-in links for ambassadors: valid 24 hours at most, usable once.
SESAME_MAX_AGE = int(os.environ.get("SESAME_MAX_AGE", str(24 * 3600)))
# Reverse proxies in front of gunicorn that append the client address to X-Forwarded-For:
# the sign-in lockout counts failures per client address, so behind nginx set it to 1.
RELAIS_TRUSTED_PROXY_COUNT = int(os.environ.get("RELAIS_TRUSTED_PROXY_COUNT", "0"))
SESAME_ONE_TIME = True
# A signed-in session ends after this long without a request (seconds): staff (anyone who
# may open the admin) sooner, ambassadors later since they think over long answers.
RELAIS_STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("RELAIS_STAFF_SESSION_IDLE_SECONDS", "1800"))
RELAIS_CONTRIBUTOR_SESSION_IDLE_SECONDS = int(
    os.environ.get("RELAIS_CONTRIBUTOR_SESSION_IDLE_SECONDS", "7200")
)
# The cookie and the stored session outlive neither limit (the middleware enforces each).
SESSION_COOKIE_AGE = max(RELAIS_STAFF_SESSION_IDLE_SECONDS, RELAIS_CONTRIBUTOR_SESSION_IDLE_SECONDS)
# Staff sign in with a password, then a code from an authenticator app (TOTP) or a
# recovery code (relais.staff); the admin's password form shares the sign-in lockout.
WAGTAILADMIN_USER_LOGIN_FORM = "relais.staff.forms.AdminLoginForm"
OTP_TOTP_ISSUER = "Relais"
LOGIN_URL = "/contribuer/connexion/"
LOGIN_REDIRECT_URL = "/contribuer/"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "relais@localhost")
# Questions to an ambassador (relais.contact): at most N an hour from one address, N a day
# to one ambassador, whoever sends them.
RELAIS_QUESTIONS_PER_ADDRESS_PER_HOUR = int(
    os.environ.get("RELAIS_QUESTIONS_PER_ADDRESS_PER_HOUR", "5")
)
RELAIS_QUESTIONS_PER_AMBASSADOR_PER_DAY = int(
    os.environ.get("RELAIS_QUESTIONS_PER_AMBASSADOR_PER_DAY", "10")
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Originals and unpublished media of testimonies: never under MEDIA_URL.
RELAIS_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("RELAIS_PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private")
)
# Erasures (withdrawals, account deletions) by id and date, outside the database and the
# media: a restore does them again, so no backup brings erased testimonies back.
RELAIS_ERASURE_LOG = Path(os.environ.get("RELAIS_ERASURE_LOG", BASE_DIR / "var" / "erasures.jsonl"))
# Serve media through Django (demo and small installs); a reverse proxy should do it in production.
RELAIS_SERVE_MEDIA = env_bool("RELAIS_SERVE_MEDIA", DEBUG)

STORAGES = {
    # Files are written under a temporary name and moved into place once complete.
    "default": {"BACKEND": "relais.media.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Testimonies' originals and unpublished media: never given a URL (relais.media.storage).
    "private": {
        "BACKEND": "relais.media.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": RELAIS_PRIVATE_MEDIA_ROOT},
    },
}
# S3-compatible object storage (django-storages; boto3 reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY itself). Public media go to a bucket that anyone may read, and
# the Content-Security-Policy allows its host (relais.core.middleware); private media to
# a second bucket that allows no anonymous read, shared by every app server.
S3_CONNECTION = {
    "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
    "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_CONNECTION,
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
RELAIS_PRIVATE_STORAGE_BUCKET = os.environ.get("RELAIS_PRIVATE_STORAGE_BUCKET", "")
if RELAIS_PRIVATE_STORAGE_BUCKET:
    if os.environ.get("AWS_STORAGE_BUCKET_NAME") == RELAIS_PRIVATE_STORAGE_BUCKET:
        raise ImproperlyConfigured(
            "RELAIS_PRIVATE_STORAGE_BUCKET must name another bucket than "
            "AWS_STORAGE_BUCKET_NAME: the public bucket can be read by anyone."
        )
    STORAGES["private"] = {
        "BACKEND": "relais.media.storage.PrivateS3Storage",
        "OPTIONS": {
            **S3_CONNECTION,
            "bucket_name": RELAIS_PRIVATE_STORAGE_BUCKET,
            "file_overwrite": False,
        },
    }

# Upload limits: bound what a request may hold in memory and on disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Limits of the media pipeline (relais.media), for every path that accepts a file; its
# French messages read them. Wagtail's own image checks use the same numbers.
RELAIS_AUDIO_MAX_BYTES = int(os.environ.get("RELAIS_AUDIO_MAX_BYTES", str(100 * 1024 * 1024)))
RELAIS_AUDIO_MAX_SECONDS = int(os.environ.get("RELAIS_AUDIO_MAX_SECONDS", str(30 * 60)))
RELAIS_IMAGE_MAX_BYTES = int(os.environ.get("RELAIS_IMAGE_MAX_BYTES", str(15 * 1024 * 1024)))
RELAIS_IMAGE_MAX_PIXELS = int(os.environ.get("RELAIS_IMAGE_MAX_PIXELS", "40000000"))
# Content packs (manage.py import_pack): each YAML or Markdown file is read only below this size.
RELAIS_PACK_TEXT_MAX_BYTES = int(os.environ.get("RELAIS_PACK_TEXT_MAX_BYTES", str(1024 * 1024)))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = RELAIS_IMAGE_MAX_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = RELAIS_IMAGE_MAX_PIXELS
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

WAGTAIL_SITE_NAME = "Relais"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "csv", "txt"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
# The admin loads nothing from other hosts either: no Gravatar avatars (they would leak
# editors' hashed emails) and no version check against releases.wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Security headers common to every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
