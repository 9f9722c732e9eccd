#!/usr/bin/env python
"""Serve each public page in-process with the cache off: its queries, CPU and wall times.

CPU time (`time.thread_time`) of the WSGI handler stays steady when other processes share
the machine, where wall times do not: bench/run.py adds it to its table. The wall time
adds what the page waited for, mostly the database server on PostgreSQL (SQLite works in
this process: its time is CPU time). Alone, in the environment of a seeded site
(`manage.py load_demo`, then `manage.py seed_stories N`):

    RELAIS_PAGE_CACHE_SECONDS=0 python bench/pages.py '{"home": "/"}'

prints {name: [queries, median CPU ms, median wall ms]} as JSON.
"""

import json
import os
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))


def in_process(urls):
    """Return {name: (queries, median CPU ms, median wall ms)} of each page served in-process."""
    from django.core.wsgi import get_wsgi_application
    from django.db import connection

    application = get_wsgi_application()

    def call(url):
        serve(application, url)

    queries = []

    def counted(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    results = {}
    for name, url in urls.items():
        call(url)  # renditions, content cache
        queries.clear()
        # Counted by a wrapper: the queries log is emptied when each request starts.
        with connection.execute_wrapper(counted):
            call(url)
        cpu, wall = [], []
        for _ in range(REQUESTS):
            start, start_wall = time.thread_time(), time.perf_counter()
            call(url)
            cpu.append((time.thread_time() - start) * 1000)
            wall.append((time.perf_counter() - start_wall) * 1000)
        results[name] = (len(queries), statistics.median(cpu), statistics.median(wall))
    return results


def serve(application, url):
    """Serve `url` with the WSGI `application` in this process; it must answer 200."""
    path, _, query = url.partition("?")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1"}
    environ["wsgi.input"] = BytesIO()
    setup_testing_defaults(environ)
    status = []
    b"".join(application(environ, lambda s, h, *a: status.append(s)))
    assert status[0].startswith("200"), (url, status)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    os.environ["RELAIS_PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    print(json.dumps(in_process(json.loads(sys.argv[1]))))


if __name__ == "__main__":
    main()
