"""Search the index: counts per kind, stage and theme, and one page of highlighted hits."""

from dataclasses import dataclass, field

from django.db import connection

from .engines import current_engine
from .excerpts import excerpt, highlight
from .models import SearchDocument
from .query import parse
from .sources.registry import SOURCES

PAGE_SIZE = 10
MAX_PAGE = 50  # nobody reads 500 results; deeper pages cost for nothing
WHEN_BOOST = 4  # a question about dates lifts the stage pages, which hold them


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
    total: int = 0  # hits of the chosen kind (all kinds when none is chosen)
    kinds: dict = field(default_factory=dict)  # kind -> count, filters of stage/theme applied
    stages: dict = field(default_factory=dict)  # stage pk -> count
    themes: dict = field(default_factory=dict)  # theme pk -> count
    hits: list = field(default_factory=list)

    @property
    def num_pages(self):
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
    base = f"FROM {from_} WHERE {where}{filters}"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.kind, COUNT(*) {base} GROUP BY d.kind", params + filter_params)  # noqa: S608  # nosec B608
        results.kinds = dict(cursor.fetchall())
        kind_filter, kind_params = (" AND d.kind = %s", [kind]) if kind else ("", [])
        cursor.execute(
            f"SELECT f.name, f.value, COUNT(*) FROM {from_} {engine.join} search_searchfacet f "  # noqa: S608  # nosec B608
            f"ON f.document_id = d.id WHERE {where}{filters}{kind_filter} "
            "GROUP BY f.name, f.value",
            params + filter_params + kind_params,
        )
        for name, value, count in cursor.fetchall():
            (results.stages if name == "stage" else results.themes)[value] = count
        results.total = results.kinds.get(kind, 0) if kind else sum(results.kinds.values())
        # A page past the end (an old link, a typed URL) shows the last page instead.
        results.page = page = min(page, results.num_pages)
        limit = f"LIMIT {PAGE_SIZE:d} OFFSET {(page - 1) * PAGE_SIZE:d}"
        cursor.execute(
            f"SELECT d.id, {score} AS score {base}{kind_filter} "  # noqa: S608  # nosec B608
            f"ORDER BY score DESC, d.id {limit}",
            score_params + params + filter_params + kind_params,
        )
        ids = [row[0] for row in cursor.fetchall()]
    results.hits = _hits(ids, query.stems)
    return results


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
