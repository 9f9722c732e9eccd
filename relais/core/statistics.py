"""Planner statistics brought up to date after a bulk write, so that lists keep their plans.

A database chooses how to read a list (the index on the first publication date, or every
matching row then a sort) from what it last measured of each table. After thousands of
pages are written at once, PostgreSQL still believes the tables hold the few rows it saw
before, until autovacuum analyzes them (a minute later at best; never where it is off):
meanwhile every list reads all the stories and sorts them (about 50 ms at 10,000 stories,
where the index gives the same 12 ids in under 1 ms). SQLite keeps no statistics unless
asked, and plans on fixed guesses, the same at any size: an ANALYZE made no list faster
there at 10,000 stories, so it is left alone.
"""

from django.db import connections, router


def refresh_statistics(*models):
    """Measure again the tables of `models` and their many-to-many links (PostgreSQL).

    ANALYZE reads a sample of each table (a few thousand rows, whatever its size) and
    may run inside the transaction of the write: the new figures count from its commit.
    """
    tables = {}
    for model in models:
        alias = router.db_for_write(model)
        tables.setdefault(alias, set()).update(_tables_of(model))
    for alias, names in tables.items():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        quoted = ", ".join(connection.ops.quote_name(name) for name in sorted(names))
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {quoted}")  # names come from the models


def _tables_of(model):
    """Return the tables of a model: its own, its parents' and its many-to-many links."""
    tables = {model._meta.db_table}
    tables.update(parent._meta.db_table for parent in model._meta.get_parent_list())
    for field in model._meta.get_fields():
        if field.many_to_many and not field.auto_created:  # forward links only
            tables.add(field.remote_field.through._meta.db_table)
    return tables
