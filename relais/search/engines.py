"""The databases' own full-text engines behind one small interface.

SQLite: an FTS5 table (`search_fts`, rowid = document id) over the terms of
`relais.search.text` (folded, stemmed), ranked by bm25 with the title ten times the body.
PostgreSQL: a tsvector column (`search_searchdocument.vector`, title weight A, body B)
generated with the `relais_french` configuration (unaccent, then the French Snowball
stemmer), a GIN index, ranked by ts_rank_cd. Both are created by migration 0002. Either
way a query is a list of groups of alternatives (a word and its typo corrections); a
document matches any group, and matching more of them ranks higher.
"""

from django.db import connection

from .text import index_text, stem

TITLE_WEIGHT = 10.0  # bm25 column weight of the title (and keywords) against 1.0 for the body
PG_WEIGHTS = "{0.05, 0.1, 0.25, 1.0}"  # ts_rank_cd weights of D, C, B (body), A (title)


class SqliteEngine:
    table = "search_fts"

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

    def match(self, groups):
        """Return (FROM, WHERE, params, score expression) for a query's groups of words."""
        stems = dict.fromkeys(stem(word) for group in groups for word in group)
        expression = " OR ".join('"{}"'.format(s.replace('"', '""')) for s in stems)
        return (
            f"{self.table} JOIN search_searchdocument d ON d.id = {self.table}.rowid",
            f"{self.table} MATCH %s",
            [expression],
            f"(-bm25({self.table}, {TITLE_WEIGHT}, 1.0) * d.boost)",
        )


class PostgresEngine:
    config = "public.relais_french"

    def store(self, cursor, rows):
        """Nothing to do: the vector column is generated from the document's own columns."""

    def delete(self, cursor, ids):
        """Nothing to do: the vector goes with its row."""

    def clear(self, cursor):
        """Nothing to do: the vectors go with their rows."""

    def match(self, groups):
        words = list(dict.fromkeys(word for group in groups for word in group))
        query = " || ".join([f"plainto_tsquery('{self.config}', %s)"] * len(words))
        return (
            f"search_searchdocument d, (SELECT {query} AS query) q",
            "d.vector @@ q.query",
            words,
            f"(ts_rank_cd('{PG_WEIGHTS}', d.vector, q.query, 1) * d.boost)",
        )


def current_engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()
