#!/usr/bin/env python
"""Measure how much of the page cache survives one change: the demo plus N stories (200).

Every public page is requested once (listing pages and one filter per stage and theme
included), then one story is published, edited or unpublished, and every page is requested
again: a page served from the cache reads nothing but the cache tag stamps. Prints, for each
change, the pages kept and those rendered again. Runs in-process on a fresh SQLite file:

    python bench/cache_reach.py [N]
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="relais-cache-reach-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings.dev",
    DEBUG="false",
    ALLOWED_HOSTS="testserver",
    DATABASE_URL=f"sqlite:///{WORKDIR}/site.sqlite3",
    MEDIA_ROOT=str(WORKDIR / "media"),
    RELAIS_PRIVATE_MEDIA_ROOT=str(WORKDIR / "private"),
    RELAIS_PAGE_CACHE_SECONDS="600",
    LOG_LEVEL="ERROR",
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wagtail.models import Page  # noqa: E402

from bench.seed_stories import seed  # noqa: E402
from relais.journey.models import Ambassador, LaureateProject, Stage, Theme  # noqa: E402
from relais.stories.models import STORIES_PER_PAGE, StoryIndexPage, StoryPage  # noqa: E402


def build(count):
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    seed(count)


def public_urls():
    """Return every public page: pages, listing pages, stages, projects, portraits."""
    pages = Page.objects.live().public().filter(depth__gte=2).specific()
    urls = [page.url for page in pages]
    listing_pages = -(-StoryPage.objects.live().public().count() // STORIES_PER_PAGE)
    urls += [f"/histoires/?page={number}" for number in range(2, listing_pages + 1)]
    urls += [stage.get_absolute_url() for stage in Stage.objects.all()]
    urls += [project.get_absolute_url() for project in LaureateProject.objects.all()]
    urls += [a.get_absolute_url() for a in Ambassador.objects.filter(public_profile=True)]
    urls.append("/ambassadeurs/")
    return urls


def filter_urls():
    return [f"/histoires/?etape={stage.slug}" for stage in Stage.objects.all()] + [
        f"/histoires/?theme={theme.slug}" for theme in Theme.objects.all()
    ]


def served_from_cache(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    cached = all("core_cachetag" in query["sql"] for query in queries.captured_queries)
    return response.status_code == 200 and cached  # an unpublished story answers 404


def stale_after(change, urls):
    client = Client()
    for url in urls:
        client.get(url)
    assert all(served_from_cache(client, url) for url in urls), "the cache was not filled"
    change()
    return [url for url in urls if not served_from_cache(client, url)]


def report(name, urls, filters, stale):
    for label, counted in (("pages", urls), ("pages and filters", urls + filters)):
        kept = len(counted) - len([url for url in stale if url in counted])
        print(f"{name}, {label}: {kept}/{len(counted)} kept ({100 * kept / len(counted):.1f} %)")
    print("  rendered again:", " ".join(sorted(stale)))


def main(count):
    build(count)
    index = StoryIndexPage.objects.get()
    model = StoryPage.objects.live().filter(has_audio=True).first()
    draft = StoryPage(
        title="Histoire publiée pendant la mesure",
        intro=model.intro,
        body=model.body.raw_data,
        project=model.project,
        live=False,
    )
    index.add_child(instance=draft)
    draft.stages.set(model.stages.all())
    draft.ambassadors.set(model.ambassadors.all())
    draft.save_revision()
    stories = list(StoryPage.objects.live().order_by("pk"))

    def edit():
        stories[5].title += " (relu)"
        stories[5].save_revision().publish()

    changes = {
        "publish one story": lambda: draft.get_latest_revision().publish(),
        "edit one story's title": edit,
        "unpublish one story": lambda: stories[7].unpublish(),
    }
    urls, filters = public_urls(), filter_urls()
    for name, change in changes.items():
        report(name, urls, filters, stale_after(change, urls + filters))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
