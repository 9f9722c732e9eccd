"""Settings for the test suite: fast hashing, isolated media, no manifest for static files."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="relais-test-media-"))
RELAIS_PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="relais-test-private-"))
RELAIS_ERASURE_LOG = Path(tempfile.mkdtemp(prefix="relais-test-erasures-")) / "erasures.jsonl"
RELAIS_SERVE_MEDIA = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The tests that use a bucket start their own S3 server (conftest.py, `s3_media`).
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "relais.media.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": RELAIS_PRIVATE_MEDIA_ROOT},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
    # Parallel runs on one server (several checkouts) each name their own test database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("RELAIS_TEST_DATABASE_NAME", "test_relais")
    }
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="relais-test-static-"))
# Tests see raw rendering; the page cache tests switch it on themselves.
RELAIS_PAGE_CACHE_SECONDS = 0
