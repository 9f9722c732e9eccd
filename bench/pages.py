#!/usr/bin/env python
"""Measure each public page uncached: SQL queries, CPU time and gunicorn median, on a seeded site.

Usage (production settings and DATABASE_URL in the environment, a site with the demo and
seeded stories, e.g. by bench/seed_stories.py):

    RELAIS_PAGE_CACHE_SECONDS=0 python bench/pages.py

For each page: the queries of a second request, the median CPU time of 100 requests served
in-process (steady even on a busy machine), and the median wall time of 100 sequential
requests to gunicorn (2 sync workers), next to a minimal Django view served the same way.
"""

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.client import fetch  # noqa: E402

REQUESTS = 100
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def serve(app, env):
    """Start gunicorn (2 sync workers) on a free port; return the process and the port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [GUNICORN, app, "-w", "2", "-k", "sync", "-b", f"127.0.0.1:{port}"]
    process = subprocess.Popen([*command, "--log-level", "error"], cwd=ROOT, env=env)
    for _ in range(150):
        try:
            fetch(port, "/")
            return process, port
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn did not start for {app}")


def page_urls():
    """Return the measured pages of the seeded site: one of each kind, the listing's ends."""
    from relais.journey.models import Ambassador, LaureateProject, Stage
    from relais.stories.models import StoryPage

    live = StoryPage.objects.live()
    story = live.filter(has_audio=True).order_by("-pk").first()
    stage = Stage.objects.order_by("sort_order").first()
    project = LaureateProject.objects.order_by("pk").first()
    ambassador = Ambassador.objects.filter(public_profile=True).order_by("pk").first()
    theme = story.themes.first()
    return {
        "home": "/",
        "story": story.url,
        "listing": "/histoires/",
        "listing filtered": f"/histoires/?etape={stage.slug}&theme={theme.slug}",
        "listing page 40": "/histoires/?page=40",
        "listing last page": f"/histoires/?page={(live.count() + 11) // 12}",
        "stage": stage.get_absolute_url(),
        "project": project.get_absolute_url(),
        "ambassador": ambassador.get_absolute_url(),
    }


def in_process(urls):
    """Return {name: (queries, median CPU ms)} for each page served by the WSGI handler."""
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    application = get_wsgi_application()

    def call(url):
        path, _, query = url.partition("?")
        environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1"}
        environ["wsgi.input"] = BytesIO()
        setup_testing_defaults(environ)
        status = []
        b"".join(application(environ, lambda s, h, *a: status.append(s)))
        assert status[0].startswith("200"), (url, status)

    results = {}
    for name, url in urls.items():
        call(url)  # renditions, content cache
        with CaptureQueriesContext(connection) as queries:
            call(url)
        timings = []
        for _ in range(REQUESTS):
            start = time.thread_time()
            call(url)
            timings.append((time.thread_time() - start) * 1000)
        results[name] = (len(queries), statistics.median(timings))
    return results


def wall_medians(app, urls):
    """Return {name: median ms} of sequential requests to gunicorn serving `app`."""
    process, port = serve(app, dict(os.environ, RELAIS_PAGE_CACHE_SECONDS="0"))
    try:
        medians = {}
        for name, url in urls.items():
            fetch(port, url)
            timings = []
            for _ in range(REQUESTS):
                start = time.perf_counter()
                fetch(port, url)
                timings.append((time.perf_counter() - start) * 1000)
            medians[name] = statistics.median(timings)
        return medians
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    os.environ["RELAIS_PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    urls = page_urls()
    local = in_process(urls)
    wall = wall_medians("config.wsgi", urls)
    reference = wall_medians("bench.minimal_app", {"minimal": "/"})["minimal"]
    print(f"\n{'page (cache off)':<20} {'queries':>7} {'cpu ms':>7} {'median ms':>9}  url")
    for name, url in urls.items():
        queries, cpu = local[name]
        print(f"{name:<20} {queries:>7} {cpu:>7.2f} {wall[name]:>9.2f}  {url}")
    print(f"{'minimal Django view':<20} {'':>7} {'':>7} {reference:>9.2f}")
    out = {"urls": urls, "in_process": local, "wall": wall, "reference": reference}
    print(json.dumps(out), file=sys.stderr)


if __name__ == "__main__":
    main()
