"""The databases' own full-text engines behind one small interface.

Both index the terms of `relais.search.text` (folded, light-stemmed in Python), so that
the two databases find the same documents for the same words. SQLite: an FTS5 table
(`search_fts`, rowid = document id), ranked by bm25 with the title ten times the body.
PostgreSQL: a tsvector column (`search_searchdocument.vector`, title weight A, body B)
made with the `relais_french` configuration (unaccent, French stop words, then Snowball's
French stemmer over our stems), a GIN index, ranked by ts_rank_cd weighed by each word's
rarity. Both are created by migration 0002. Either
way a query is a list of groups of alternatives (a word and its typo corrections); a
document matches any group, and matching more of them ranks higher.

`strong()` narrows the ranking when some words are very common (`relais.search.services`):
it is true of the documents that use a rarer word of the query, or a common one in their
title, which both engines find by index without reading the others.
"""

import math

from django.db import connection

from . import vocabulary
from .models import SearchDocument
from .text import index_text, stem

TITLE_WEIGHT = 10.0  # bm25 column weight of the title (and keywords) against 1.0 for the body
PG_WEIGHTS = "{0.05, 0.1, 0.4, 1.0}"  # ts_rank_cd weights of D, C, B (body), A (title)
PG_STORE = (
    "UPDATE search_searchdocument SET vector = "
    "setweight(to_tsvector('public.relais_french', %s), 'A') || "
    "setweight(to_tsvector('public.relais_french', %s), 'B') WHERE id = %s"
)
PG_NORMALIZATION = 1  # divide by 1 + log(length): a long story does not win by length alone


class SqliteEngine:
    table = "search_fts"
    # CROSS JOIN keeps the full-text table as the outer loop: left to itself, SQLite's
    # planner may scan every document and probe the index for each (100 times slower).
    join = "CROSS JOIN"

    def store(self, cursor, rows):
        """Copy documents (id, title with keywords, body) into the FTS table."""
        cursor.executemany(
            f"INSERT OR REPLACE INTO {self.table}(rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608  # nosec B608
            [(pk, index_text(title), index_text(body)) for pk, title, body in rows],
        )

    def delete(self, cursor, ids):
        if ids:
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"DELETE FROM {self.table} WHERE rowid IN ({marks})", list(ids))  # noqa: S608  # nosec B608

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {self.table}")  # noqa: S608  # nosec B608

    # Newest first, in the order FTS5 reads its own index (no sort of every match).
    newest = f"{table}.rowid DESC"

    def match(self, groups):
        """Return (FROM, WHERE, its params, score expression, its params) for a query."""
        return (
            f"{self.table} CROSS JOIN search_searchdocument d ON d.id = {self.table}.rowid",
            f"{self.table} MATCH %s",
            [_fts_any(groups)],
            f"(-bm25({self.table}, {TITLE_WEIGHT}, 1.0) * d.boost)",
            [],
        )

    def strong(self, rare, common):
        """Return (condition, params): the document uses a rare group, or a common one in its
        title. The `+` keeps SQLite from seeking each candidate's row in the FTS index (one
        parse of the MATCH per candidate); it reads the candidates once instead."""
        parts = [f"({_fts_any(rare)})"] if rare else []
        if common:
            parts.append(f"{{title}} : ({_fts_any(common)})")
        return (
            f"+{self.table}.rowid IN (SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s)",  # noqa: S608  # nosec B608
            [" OR ".join(parts)],
        )


def _fts_any(groups):
    """Return an FTS5 expression matching any stem of the groups, each quoted as a string."""
    stems = dict.fromkeys(stem(word) for group in groups for word in group)
    return " OR ".join('"{}"'.format(s.replace('"', '""')) for s in stems)


class PostgresEngine:
    config = "public.relais_french"
    join = "JOIN"
    newest = "d.id DESC"  # read backwards along the primary key, stopping at the page

    def store(self, cursor, rows):
        """Write each document's weighted vector from its terms (title A, body B)."""
        cursor.executemany(
            PG_STORE,
            [(index_text(title), index_text(body), pk) for pk, title, body in rows],
        )

    def delete(self, cursor, ids):
        """Nothing to do: the vector goes with its row."""

    def clear(self, cursor):
        """Nothing to do: the vectors go with their rows."""

    def match(self, groups):
        """ts_rank_cd knows nothing of how rare a word is: each group's rank is weighed by
        its inverse document frequency, read from the vocabulary's counts (as bm25 does)."""
        stems = [list(dict.fromkeys(stem(word) for word in group)) for group in groups]
        weights = _idf([s for group in stems for s in group])
        queries, params, scores = [], [], []
        for group in stems:
            query = " || ".join([f"plainto_tsquery('{self.config}', %s)"] * len(group))
            queries.append(f"({query})")
            params += group
            weight = max(weights.get(s, 0.0) for s in group)
            scores.append(
                f"{weight:.4f} * ts_rank_cd('{PG_WEIGHTS}', d.vector, {query}, {PG_NORMALIZATION})"
            )
        return (
            "search_searchdocument d",
            f"d.vector @@ ({' || '.join(queries)})",
            params,
            f"(({' + '.join(scores)}) * d.boost)",
            params,
        )

    def strong(self, rare, common):
        """Return (condition, params): the document uses a rare group, or a common one in its
        title (the GIN index of the titles' terms, migration 0003, finds those)."""
        parts, params = [], []
        for groups, vector in ((rare, "d.vector"), (common, "ts_filter(d.vector, '{a}')")):
            stems = list(dict.fromkeys(stem(word) for group in groups for word in group))
            if stems:
                any_ = " || ".join([f"plainto_tsquery('{self.config}', %s)"] * len(stems))
                parts.append(f"{vector} @@ ({any_})")
                params += stems
        return f"({' OR '.join(parts)})", params


def _idf(stems):
    """Return bm25's inverse document frequency of each stem."""
    total = _document_count()
    counts = vocabulary.frequencies(stems)
    return {
        s: math.log(1 + (total - min(counts.get(s, 1), total) + 0.5) / (counts.get(s, 1) + 0.5))
        for s in stems
    }


def _document_count():
    """Return about how many documents there are: the planner's estimate, kept by ANALYZE
    (counting 60,000 rows would cost more than the search), or a count before the first one."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = 'search_searchdocument'::regclass"
        )
        estimate = cursor.fetchone()[0]
    return int(estimate) if estimate and estimate > 0 else SearchDocument.objects.count()


def current_engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()
