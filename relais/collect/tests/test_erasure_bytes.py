"""Withdrawal erases to the last byte: nothing of the words is left in the files on disk.

The words also reach the knowledge cards quoting the testimony and its story, and the
site search's index.

The suite's database lives in memory, where neither the write-ahead log nor freed pages
exist. So this test runs the whole story in a child process against a database file, as
a server would: a testimony with a unique marker, drafted and published as a story (so
the search index holds it), a public visit (so the page cache holds it), then the
withdrawal. It then reads the raw bytes of the database, its -wal and -shm files, the
cache and the media folders, while the connection is still open and once it is closed.
"""

import json
import subprocess
import sys
import uuid

import pytest

from django.conf import settings

SCENARIO = r"""
import json, logging, os, sys
from pathlib import Path

import django

django.setup()
# Every record any logger of the app writes, at every level, lands in this file.
log_file = logging.FileHandler(os.environ["RELAIS_TEST_LOG_FILE"])
logging.getLogger().addHandler(log_file)
logging.getLogger().setLevel(logging.DEBUG)

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

marker = sys.argv[1]


def needle_in_export(response, marker):
    # Read the streamed zip as the ambassador's browser would, and look for the words.
    import io, zipfile

    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    texts = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    return any(marker in text for text in texts)

settings.RELAIS_PAGE_CACHE_SECONDS = 600
call_command("migrate", verbosity=0)

from conftest import build_site
from relais.collect.accounts import AMBASSADORS_GROUP
from relais.collect.tests.conftest import make_user
from relais.collect.tests.test_publishing import draft_story, publish, submitted_testimony

build_site()
owner = make_user("retrait@example.org", AMBASSADORS_GROUP)
editor = make_user("editrice@example.org", "Moderators")
testimony = submitted_testimony(owner, {"idee": f"Notre idee {marker} du quartier."})
client = Client()
_, story = draft_story(client, editor, testimony)
story = publish(story, editor, intro=f"Le resume {marker} de l'histoire.")
client.logout()
visitor = Client()
url = story.get_url()
assert marker in visitor.get(url).content.decode()
assert list(type(story).objects.live().search(marker)) == [story]  # indexed

# Knowledge cards (an upper app, named here only in this child process) quote the words too:
# one card said by the testimony alone, its text written from them, and its page cached.
from relais.knowledge.models import CardType, KnowledgeCard
from relais.knowledge.services import add_source

card = KnowledgeCard.objects.create(  # not a factory: factory_boy logs what it builds
    title=f"Fiche {marker}", slug="fiche", body=f"Texte {marker} de la fiche.",
    card_type=CardType.objects.first(),
)
card.stages.add(testimony.answers.get().question.stage)
card.save()
add_source(card, answer=testimony.answers.get(), quote=f"Notre idee {marker}")
add_source(card, story=story, quote=f"Le resume {marker}")
assert marker in visitor.get(card.get_absolute_url()).content.decode()
# The site search (an upper app too) copied the words, folded and stemmed, into its own index.
from relais.search.models import SearchDocument
from relais.search.services import search

words = marker.split("-")[1]
assert {hit.url for hit in search(words).hits} == {url, card.get_absolute_url()}

owner_client = Client()
owner_client.force_login(owner)
export_page = owner_client.get(reverse("collect:my_data")).content.decode()
links = [part.split('"')[0] for part in export_page.split('href="')[1:]]
export_url = next(link for link in links if "/export/" in link)
from relais.collect import erasure

erasure.EXPORT_SPOOL_BYTES = 1  # the export goes through a file in TMPDIR, as a big one would
export = owner_client.get(export_url)
assert export.status_code == 200, export.status_code
assert needle_in_export(export, marker)
response = owner_client.post(reverse("collect:withdraw", args=[testimony.pk]))
assert response.status_code in (200, 302), response.status_code
assert Client().get(url).status_code == 404
assert Client().get(card.get_absolute_url()).status_code == 404
assert search(words).hits == []
assert not SearchDocument.objects.filter(body__icontains=words).exists()

needle = marker.encode()
# The search index keeps the words folded and stemmed: look for their longest stem-proof part.
needles = [needle, words[:24].encode()]
database = Path(settings.DATABASES["default"]["NAME"])
folders = [settings.MEDIA_ROOT, settings.RELAIS_PRIVATE_MEDIA_ROOT, os.environ["TMPDIR"]]


def found_in_files():
    found = []
    for path in [database, Path(f"{database}-wal"), Path(f"{database}-shm")]:
        if path.exists() and any(n in path.read_bytes() for n in needles):
            found.append(str(path))
    log_file.flush()
    for root in folders + [os.path.dirname(os.environ["RELAIS_TEST_LOG_FILE"])]:
        for path in Path(root).rglob("*"):
            if path.is_file() and any(n in path.read_bytes() for n in needles):
                found.append(str(path))
    return found


cached = [key for key, value in getattr(caches["pages"], "_cache", {}).items() if needle in value]
open_found = found_in_files()
connection.close()
print(json.dumps({"open": open_found, "closed": found_in_files(), "cache": cached}))
"""


def test_withdrawal_leaves_no_byte_of_the_words_on_disk(tmp_path):
    marker = f"MARQUEUR-{uuid.uuid4().hex}"
    database = tmp_path / "relais.sqlite3"
    (tmp_path / "tmp").mkdir()
    (tmp_path / "logs").mkdir()
    env = {
        "TMPDIR": str(tmp_path / "tmp"),
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
    # Outside the child process too: the files as an operator would copy them.
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert tmp_path / "logs" / "relais.log" in files
    for path in files:
        assert marker.encode() not in path.read_bytes(), path
        assert marker.split("-")[1][:24].encode() not in path.read_bytes(), path


@pytest.mark.django_db
def test_erasure_drops_cached_pages_but_keeps_sign_in_counters():
    """Clearing the pages after a withdrawal must not reset anybody's sign-in lockout."""
    from django.core.cache import cache, caches

    from relais.collect.erasure import scrub_storage

    cache.set("sign-in-failures", 7)
    caches["pages"].set("page", "words to forget")
    scrub_storage()
    assert caches["pages"].get("page") is None
    assert cache.get("sign-in-failures") == 7
