"""Search the index: counts per kind, stage and theme, and one page of highlighted hits.

Two rules keep a search fast when a word is in tens of thousands of documents:

- counting stops at COUNT_CAP matches: past it, the page says "more than 1,000" and lists
  the filters without their counts (counting them would read every match);
- a group of words used by more than COMMON_MATCHES documents ("projet", "dossier") is
  ranked only where it is in a title: the documents that use a rarer word of the query or
  a common one in their title are ranked first, by relevance; those that only mention a
  common word in their body follow, newest first, without reading them all to rank them.
"""

from dataclasses import dataclass, field

from django.db import connection

from . import vocabulary
from .engines import current_engine
from .excerpts import excerpt, highlight
from .models import SearchDocument
from .query import parse
from .sources.registry import SOURCES
from .text import stem

PAGE_SIZE = 10
MAX_PAGE = 50  # nobody reads 500 results; deeper pages cost for nothing
WHEN_BOOST = 4  # a question about dates lifts the stage pages, which hold them
COUNT_CAP = 1000  # counts stop here: "more than 1,000" says enough, and costs 60 times less
COMMON_MATCHES = 2000  # below this many matches, ranking them all takes a few milliseconds


@dataclass
class Hit:
    kind: str
    label: str
    url: str
    title: str  # escaped, searched words in <mark>
    excerpt: str  # escaped, searched words in <mark>


@dataclass
class Results:
    query: object
    kind: str | None = None
    stage: int | None = None
    theme: int | None = None
    page: int = 1
    total: int = 0  # hits of the chosen kind (all kinds when none is chosen), COUNT_CAP at most
    more: bool = False  # more than COUNT_CAP hits: `total` is COUNT_CAP
    counted: bool = True  # False past COUNT_CAP hits: kinds, stages and themes are not counted
    kinds: dict = field(default_factory=dict)  # kind -> count, filters of stage/theme applied
    stages: dict = field(default_factory=dict)  # stage pk -> count
    themes: dict = field(default_factory=dict)  # theme pk -> count
    hits: list = field(default_factory=list)

    @property
    def num_pages(self):
        if self.more:  # past COUNT_CAP (1,000), more than MAX_PAGE pages of 10
            return MAX_PAGE
        return min(MAX_PAGE, max(1, -(-self.total // PAGE_SIZE)))

    @property
    def first_number(self):
        """Return the number of the first hit of the page, for the ordered list."""
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1


def search(text, kind=None, stage=None, theme=None, page=1):
    """Return the Results of a French query, never raising on what a visitor may type."""
    query = parse(text)
    kind = kind if kind in SOURCES else None
    page = min(max(1, _int(page) or 1), MAX_PAGE)
    results = Results(query, kind, _int(stage), _int(theme), page)
    if not query.groups:
        return results
    engine = current_engine()
    from_, where, params, score, score_params = engine.match(query.groups)
    if query.asks_when:
        score = f"({score} * CASE WHEN d.kind = 'stage' THEN {WHEN_BOOST:d} ELSE 1 END)"
    filters, filter_params = _filters(results.stage, results.theme)
    match = (from_, f"{where}{filters}", params + filter_params)
    kind_filter = (" AND d.kind = %s", [kind]) if kind else ("", [])
    with connection.cursor() as cursor:
        _count(cursor, results, engine, match, kind_filter)
        # A page past the end (an old link, a typed URL) shows the last page instead.
        results.page = page = min(page, results.num_pages)
        matches = (
            f"FROM {from_} WHERE {match[1]}{kind_filter[0]}",
            match[2] + kind_filter[1],
        )
        # Up to COUNT_CAP matches (the filters applied), ranking them all is cheap.
        common = _common(query.groups) if results.more else []
        ids = _page(cursor, engine, (query.groups, common), matches, (score, score_params), page)
    results.hits = _hits(ids, query.stems)
    return results


def _count(cursor, results, engine, match, kind_filter):
    """Count the matches per kind, stage and theme, up to COUNT_CAP matches."""
    (from_, where, params), (kind_filter, kind_params) = match, kind_filter
    base = f"FROM {from_} WHERE {where}"
    cursor.execute(
        f"SELECT kind, COUNT(*) FROM (SELECT d.kind {base} LIMIT {COUNT_CAP + 1:d}) m GROUP BY kind",  # noqa: S608, E501  # nosec B608
        params,
    )
    kinds = dict(cursor.fetchall())
    if sum(kinds.values()) > COUNT_CAP:
        results.counted = False
        total = sum(kinds.values())
        if results.kind:
            cursor.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 {base}{kind_filter} LIMIT {COUNT_CAP + 1:d}) m",  # noqa: S608  # nosec B608
                params + kind_params,
            )
            total = cursor.fetchone()[0]
        results.more = total > COUNT_CAP
        results.total = min(total, COUNT_CAP)
        return
    results.kinds = kinds
    results.total = kinds.get(results.kind, 0) if results.kind else sum(kinds.values())
    cursor.execute(
        f"SELECT f.name, f.value, COUNT(*) FROM {from_} {engine.join} search_searchfacet f "  # noqa: S608  # nosec B608
        f"ON f.document_id = d.id WHERE {where}{kind_filter} GROUP BY f.name, f.value",
        params + kind_params,
    )
    for name, value, count in cursor.fetchall():
        (results.stages if name == "stage" else results.themes)[value] = count


def _page(cursor, engine, groups, matches, score, page):
    """Return the ids of one page of hits: the strong matches ranked, then the weak ones.

    Without a common group every match is strong, and all are ranked.
    """
    (groups, common), (matches, params), (score, score_params) = groups, matches, score
    offset = (page - 1) * PAGE_SIZE
    condition, strong_params = ("", [])
    if common:
        rare = [group for group in groups if group not in common]
        condition, strong_params = engine.strong(rare, common)
    strong = f" AND {condition}" if condition else ""
    cursor.execute(
        f"SELECT d.id, {score} AS score {matches}{strong} "  # noqa: S608  # nosec B608
        f"ORDER BY score DESC, d.id LIMIT {PAGE_SIZE:d} OFFSET {offset:d}",
        score_params + params + strong_params,
    )
    ids = [row[0] for row in cursor.fetchall()]
    if not common or len(ids) == PAGE_SIZE:
        return ids
    if ids or not offset:
        strong_count = offset + len(ids)
    else:
        cursor.execute(f"SELECT COUNT(*) {matches}{strong}", params + strong_params)  # noqa: S608  # nosec B608
        strong_count = cursor.fetchone()[0]
    cursor.execute(
        f"SELECT d.id {matches} AND NOT ({condition}) "  # noqa: S608  # nosec B608
        f"ORDER BY {engine.newest} LIMIT {PAGE_SIZE - len(ids):d} "
        f"OFFSET {max(0, offset - strong_count):d}",
        params + strong_params,
    )
    return ids + [row[0] for row in cursor.fetchall()]


def _common(groups):
    """Return the groups whose words more than COMMON_MATCHES documents use, by the
    vocabulary's counts (a little over the truth when a document uses two forms)."""
    counts = vocabulary.frequencies({stem(word) for group in groups for word in group})
    return [
        group
        for group in groups
        if sum(counts.get(s, 0) for s in {stem(word) for word in group}) > COMMON_MATCHES
    ]


def _filters(stage, theme):
    sql, params = "", []
    for name, value in (("stage", stage), ("theme", theme)):
        if value is not None:
            sql += (
                " AND d.id IN (SELECT document_id FROM search_searchfacet "
                "WHERE name = %s AND value = %s)"
            )
            params += [name, value]
    return sql, params


def _hits(ids, stems):
    documents = SearchDocument.objects.in_bulk(ids)
    return [
        Hit(
            kind=doc.kind,
            label=SOURCES[doc.kind].label if doc.kind in SOURCES else doc.kind,
            url=doc.url,
            title=highlight(doc.title, stems),
            excerpt=excerpt(doc.body, stems),
        )
        for doc in (documents[pk] for pk in ids if pk in documents)
    ]


def _int(value):
    try:
        number = int(str(value)[:9])
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None
