"""A relayed question leaves no byte of its words, nor of the sender's address, on disk.

The suite's database lives in memory, where neither the write-ahead log nor freed pages
exist. So, as the erasure test does (relais/collect/tests/test_erasure_bytes.py), this runs
in a child process against a database file, as a server would: a newcomer sends a question
with a unique marker, then the raw bytes of the database, its -wal and -shm files, the
caches and the log are read, with the connection open and once it is closed.
"""

import json
import subprocess
import sys
import uuid

from django.conf import settings

SCENARIO = r"""
import json, logging, os, sys
from pathlib import Path

import django

django.setup()
log_file = logging.FileHandler(os.environ["RELAIS_TEST_LOG_FILE"])
logging.getLogger().addHandler(log_file)
logging.getLogger().setLevel(logging.DEBUG)

from django.conf import settings
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client

marker = sys.argv[1]
settings.RELAIS_PAGE_CACHE_SECONDS = 600
call_command("migrate", verbosity=0)

from conftest import build_site
from relais.contact.models import QuestionCount
from relais.journey.models import Ambassador

build_site()
ambassador = Ambassador.objects.create(  # not a factory: factory_boy logs what it builds
    display_name="Nadia", slug="nadia", public_profile=True, accepts_questions=True,
    contact_email="nadia-prive@example.org",
)
visitor = Client()
visitor.get(ambassador.get_absolute_url())
sent = visitor.post(
    "/ambassadeurs/nadia/question/",
    {"first_name": f"Prenom{marker}", "email": f"{marker}@example.net",
     "message": f"Ma question {marker} sur le dossier.", "consent": "on"},
)
assert sent.status_code == 302, sent.status_code
visitor.get(sent["Location"])
assert marker in mail.outbox[0].body  # the email left with the words
assert QuestionCount.objects.get().count == 1
mail.outbox.clear()

needle = marker.lower().encode()
database = Path(settings.DATABASES["default"]["NAME"])


def found_in_files():
    found = []
    for path in [database, Path(f"{database}-wal"), Path(f"{database}-shm")]:
        if path.exists() and needle in path.read_bytes().lower():
            found.append(str(path))
    log_file.flush()
    for path in Path(os.path.dirname(os.environ["RELAIS_TEST_LOG_FILE"])).rglob("*"):
        if path.is_file() and needle in path.read_bytes().lower():
            found.append(str(path))
    return found


def found_in_caches():
    return [
        key
        for name in ("default", "pages")
        for key, value in getattr(caches[name], "_cache", {}).items()
        if needle in bytes(value).lower()
    ]


open_found, cached = found_in_files(), found_in_caches()
connection.close()
print(json.dumps({"open": open_found, "closed": found_in_files(), "cache": cached}))
"""


def test_a_relayed_question_leaves_no_byte_of_its_words_on_disk(tmp_path):
    marker = f"MARQUEUR{uuid.uuid4().hex}"
    database = tmp_path / "relais.sqlite3"
    (tmp_path / "logs").mkdir()
    env = {
        "TMPDIR": str(tmp_path),
        "RELAIS_TEST_LOG_FILE": str(tmp_path / "logs" / "relais.log"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter, fixed script)
        [sys.executable, "-c", SCENARIO, marker],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"open": [], "closed": [], "cache": []}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert marker.lower().encode() not in path.read_bytes().lower(), path
