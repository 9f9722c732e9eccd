"""The site under test: a fresh database with the demo, grown to N stories by bulk seeding."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.client import django_shell

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/relais_bench"
)
SIGN_IN = """
from django.contrib.sessions.backends.db import SessionStore
from relais.demo.collect import load_demo_ambassador
user = load_demo_ambassador()
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""
# Issue 11: a stage guide with 500 cards (and the stage's stories, 200 or more at 1,000).
GUIDE_CARDS = 500
# The pages of the table, and a spread of public URLs for the cache measure.
PAGES = """
import json
from django.db.models import Count, Q
from relais.journey.models import Ambassador, LaureateProject, Stage
from relais.knowledge.models import KnowledgeCard
from relais.stories.models import StoryPage
from wagtail.models import Page
live = Q(stories__live=True)
stories = StoryPage.objects.live().order_by("pk")
seeded = stories.filter(title__startswith="Histoire de banc")
story = seeded.filter(has_audio=True).first()
count = stories.count()
project = LaureateProject.objects.annotate(n=Count("stories", filter=live)).order_by("-n").first()
ambassador = (
    Ambassador.objects.filter(public_profile=True)
    .annotate(n=Count("stories", filter=live)).order_by("-n").first()
)
stage = Stage.objects.get(slug="comptoir")
named = {
    "home": "/",
    "listing, first page": "/histoires/",
    "listing, last page": f"/histoires/?page={(count + 11) // 12}",
    "filtered listing": "/histoires/?etape=comptoir&theme=culture",
    "story (audio)": story.url,
    "stage guide (500 cards)": stage.get_absolute_url(),
    "knowledge card": KnowledgeCard.objects.public().order_by("-cited_by", "pk").first()
    .get_absolute_url(),
    "project page": project.get_absolute_url(),
    "ambassador page": ambassador.get_absolute_url(),
}
# The self-diagnostic's path for the first answer of each question (relais.diagnostic).
from urllib.parse import urlencode
from relais.diagnostic.models import DiagnosticQuestion
questions = DiagnosticQuestion.objects.prefetch_related("answers")
named["diagnostic result"] = "/mon-idee/resultat/?" + urlencode(
    {q.slug: q.answers.all()[0].value for q in questions}
)
sample = list(seeded.values_list("pk", flat=True))
sample = sample[:: max(1, len(sample) // 40)][:40]
target = StoryPage.objects.get(pk=sample[len(sample) // 2])
urls = list(named.values()) + [f"/histoires/?page={n}" for n in (2, 3)]
urls += [p.url for p in Page.objects.live().public().filter(depth=3).exclude(url_path="/")]
urls += [f"/histoires/?etape={s.slug}" for s in Stage.objects.all()]
urls += [s.get_absolute_url() for s in Stage.objects.all()]
urls += [p.get_absolute_url() for p in LaureateProject.objects.all()]
urls += ["/ambassadeurs/", "/savoirs/"]
urls += [a.get_absolute_url() for a in Ambassador.objects.filter(public_profile=True)]
urls += [s.url for s in StoryPage.objects.filter(pk__in=sample)]
print(json.dumps({"named": named, "urls": list(dict.fromkeys(urls)), "target": target.pk,
                  "target_url": target.url, "count": count}))
"""


def run(env, *args):
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True)


class Site:
    """A database of one backend with the demo, its static files and a signed-in ambassador."""

    def __init__(self, backend, workdir):
        self.backend, self.workdir = backend, workdir
        self.database_url = (
            f"sqlite:///{workdir}/bench.sqlite3" if backend == "sqlite" else POSTGRES_URL
        )
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY="bench-" + "k" * 60,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(workdir / "media"),
            RELAIS_PRIVATE_MEDIA_ROOT=str(workdir / "private"),
            STATIC_ROOT=str(workdir / "static"),
            SECURE_SSL_REDIRECT="false",
            LOG_LEVEL="ERROR",
        )
        self.stories = 0
        self.session = None

    def __enter__(self):
        self._fresh_database()
        run(self.env, "manage.py", "migrate", "--no-input", "-v", "0")
        if not (self.workdir / "static").exists():
            run(self.env, "manage.py", "collectstatic", "--no-input", "-v", "0")
        run(self.env, "manage.py", "load_demo")
        run(self.env, "manage.py", "seed_cards", str(GUIDE_CARDS))
        self.stories = int(django_shell(self.env, PAGES_COUNT))
        self.session = django_shell(self.env, SIGN_IN)
        return self

    def __exit__(self, *exc):
        if self.backend == "postgres":
            _postgres_admin(self.database_url, "DROP DATABASE IF EXISTS {} WITH (FORCE)")

    def _fresh_database(self):
        if self.backend == "postgres":
            _postgres_admin(self.database_url, "DROP DATABASE IF EXISTS {} WITH (FORCE)")
            _postgres_admin(self.database_url, "CREATE DATABASE {}")

    def grow_to(self, count):
        """Seed stories up to `count` live ones; return (stories added, seconds taken)."""
        added = count - self.stories
        start = time.perf_counter()
        if added > 0:
            run(self.env, "manage.py", "seed_stories", str(added))
        seconds = time.perf_counter() - start
        self.stories = max(count, self.stories)
        self._vacuum()
        return added, seconds

    def _vacuum(self):
        """Do what autovacuum does on a production server (it is off on this test server).

        Without it, the pages measured after seeding read through every dead row version
        the seeding left, which no production site keeps for long.
        """
        if self.backend == "postgres":
            import psycopg

            with psycopg.connect(self.database_url, autocommit=True) as connection:
                connection.execute("VACUUM (ANALYZE)")

    def pages(self):
        """Return the named pages, the URLs of the cache measure and the story to publish."""
        return json.loads(django_shell(self.env, PAGES))


PAGES_COUNT = "from relais.stories.models import StoryPage; print(StoryPage.objects.live().count())"


def _postgres_admin(url, statement):
    """Run a statement naming the bench database, from the server's maintenance database."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL(statement).format(sql.Identifier(name)))


def postgres_reachable():
    import psycopg

    admin = urlunsplit(urlsplit(POSTGRES_URL)._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, connect_timeout=5):
            return True
    except psycopg.OperationalError:
        return False
