"""Print the plans of the queries that read the ids of each list's story cards.

Each page is served in-process twice (page cache off), the second time first after a
content change: lists keep their ids per content version (relais.stories.cards.page_ids),
so only that request reads them. Its queries that read card ids (ordered by first
publication, with a LIMIT) are explained as the view sent them: PostgreSQL runs them
(EXPLAIN ANALYZE, BUFFERS), SQLite says its plan and the median of five runs is timed.
First, what the planner believes of the story tables (PostgreSQL): a belief far from the
real count makes lists read and sort every story.
Run in the environment of a seeded site (bench/run.py does, at its largest size); the
page cache is off while it runs:

    DATABASE_URL=... python manage.py shell -c "from bench.explain import main; main()"
"""

import re
import statistics
import time

from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from bench.pages import serve
from relais.core.models import ContentGeneration

# Plan lines worth printing: the nodes with their rows and times, and PostgreSQL's totals.
SHOWN = re.compile(r"\(actual |Rows Removed|Planning Time|Execution Time")


@override_settings(RELAIS_PAGE_CACHE_SECONDS=0)  # the page itself, not the page cache
def main(pages=None):
    application = get_wsgi_application()
    pages = pages or default_pages()
    print(f"{connection.vendor}: {planner_belief()}")
    for name, url in pages.items():
        serve(application, url)  # renditions are made
        ContentGeneration.bump()  # the next request reads the list's ids again
        with CaptureQueriesContext(connection) as queries:
            serve(application, url)
        for sql in (q["sql"] for q in queries.captured_queries if _reads_card_ids(q["sql"])):
            print(f"\n{name} ({url}): {_median_ms(sql):.2f} ms")
            for line in plan(sql):
                print("    " + line)


def _reads_card_ids(sql):
    return sql.startswith('SELECT "stories_storypage"."page_ptr_id"') and " LIMIT " in sql


def plan(sql):
    """Return the lines of the database's plan of `sql`, with real times on PostgreSQL."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
            return [row[0] for row in cursor.fetchall() if SHOWN.search(row[0])]
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return [str(row[-1]) for row in cursor.fetchall()]


def _median_ms(sql):
    """Return the median time of five runs of `sql` (its rows read), in ms."""
    times = []
    with connection.cursor() as cursor:
        for _ in range(5):
            start = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def planner_belief():
    """Return the rows PostgreSQL's planner believes the page and story tables hold."""
    if connection.vendor != "postgresql":
        return "no planner statistics (SQLite plans on fixed guesses)"
    with connection.cursor() as cursor:
        figures = []
        for table in ("wagtailcore_page", "stories_storypage"):
            cursor.execute(
                "SELECT c.reltuples, s.n_live_tup, s.n_dead_tup FROM pg_class c "
                "JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = %s",
                [table],
            )
            believed, live, dead = cursor.fetchone()
            figures.append(f"{table} believed {believed:,.0f} rows, {live:,} live, {dead:,} dead")
    return "; ".join(figures)


def default_pages():
    """Return the pages of the bench's table that list stories (as bench/site.py picks them)."""
    from django.db.models import Count, Q

    from relais.journey.models import Ambassador, LaureateProject, Stage
    from relais.stories.models import StoryPage

    live = Q(stories__live=True)
    count = StoryPage.objects.live().count()
    project = (
        LaureateProject.objects.annotate(n=Count("stories", filter=live)).order_by("-n").first()
    )
    ambassador = (
        Ambassador.objects.filter(public_profile=True)
        .annotate(n=Count("stories", filter=live))
        .order_by("-n")
        .first()
    )
    stage = Stage.objects.get(slug="comptoir")
    return {
        "home": "/",
        "listing, first page": "/histoires/",
        "listing, last page": f"/histoires/?page={(count + 11) // 12}",
        "filtered listing": f"/histoires/?etape={stage.slug}&theme=culture",
        "stage filter": f"/histoires/?etape={stage.slug}",
        "stage page": stage.get_absolute_url(),
        "project page": project.get_absolute_url(),
        "ambassador page": ambassador.get_absolute_url(),
    }
