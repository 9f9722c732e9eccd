"""Print the query plans of the story listing's last page: as Relais read it before, and now.

Run in the environment of a seeded site (bench/run.py does, at its largest size):

    DATABASE_URL=... python manage.py shell -c "from bench.explain import main; main()"

"Before" is the query of the listing until issue 9: every live public story sorted newest
first, then OFFSET to the last page, plus a COUNT of every story for the paginator. "Now"
is what `StoryPaginator` sends for the same page: the ids of its cards, read from the other
end of the index (each card's HTML is kept per content version), and no COUNT (the number of
stories is kept per content change). Times are medians of five reads, in ms.
"""

import math
import time

from django.db import connection

from relais.stories.cards import story_cards
from relais.stories.models import STORIES_PER_PAGE, StoryPage


def plan(queryset, wrap="{}"):
    """Return the database's plan of `queryset` (in `wrap`), with real times on PostgreSQL."""
    sql, params = queryset.query.sql_with_params()
    sql = wrap.format(sql)
    if connection.vendor == "postgresql":
        prefix = "EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) "
    else:
        prefix = "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return [row[0] for row in rows]
    return [f"{'  ' * _depth(rows, row)}{row[-1]}" for row in rows]


def _depth(rows, row):
    """Return how deep a SQLite plan row sits (its parent chain)."""
    parents = {r[0]: r[1] for r in rows}
    depth, parent = 0, row[1]
    while parent in parents:
        depth, parent = depth + 1, parents[parent]
    return depth


def timed_ms(read):
    """Return the median time of five reads, in ms (the plan aside, what the page waits)."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        read()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[2]


def main():
    per_page = STORIES_PER_PAGE
    stories = story_cards(StoryPage.objects.all())
    count = stories.count()
    last = max(1, math.ceil(count / per_page))
    before = StoryPage.objects.live().public().order_by("-first_published_at", "-pk")
    before_page = before[(last - 1) * per_page : last * per_page]
    reversed_rows = count - (last - 1) * per_page
    now_page = stories.reverse()[:reversed_rows].values_list("pk", flat=True)  # cards by id
    print(f"{connection.vendor}, {count:,} live stories, last page {last}")
    print(f"before: last page {timed_ms(lambda: list(before_page.all())):.1f} ms")
    for line in plan(before_page):
        print("    " + line)
    print(f"before: count {timed_ms(before.count):.1f} ms")
    for line in plan(before.values("pk"), "SELECT COUNT(*) FROM ({}) AS counted"):
        print("    " + line)
    print(f"now: last page {timed_ms(lambda: list(now_page.all())):.1f} ms (its query)")
    for line in plan(now_page):
        print("    " + line)
