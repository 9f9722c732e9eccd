"""What a restore must give back, read without the code under test: rows and file bytes."""

import hashlib
from pathlib import Path

from django.db import connection


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def all_rows():
    """Return every row of every table of the database, sorted, by table name."""
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
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
