"""What a restore must give back, read without the code under test: rows and file bytes."""

import hashlib
from pathlib import Path

from django.db import connection


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


# The page cache's bookkeeping, not content: a restore renews its epoch and leaps the content
# version on purpose, so that no worker serves a page or a fragment of the replaced content.
NOT_CONTENT = {"core_cachetag", "core_contentgeneration"}


def all_rows():
    """Return every row of every content table of the database, sorted, by table name."""
    rows = {}
    with connection.cursor() as cursor:
        for table in set(connection.introspection.table_names()) - NOT_CONTENT:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = sorted(repr(tuple(map(_plain, row))) for row in cursor.fetchall())
    return rows


def all_files(*roots):
    """Return the SHA-256 of every file under each folder, by folder and relative path."""
    return {
        str(root): {
            path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(Path(root).rglob("*"))
            if path.is_file()
        }
        for root in roots
    }
