"""Index Wagtail's page table on (first publication, id): story lists read their order from it.

Story lists are sorted newest first, ties broken by the page id. SQLite's existing index on
first_published_at already ends with the row id and gives that order; PostgreSQL needs both
columns in one index to read it without sorting the stories of a same date.
"""

from django.db import migrations

INDEX = "stories_page_published_id_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (first_published_at, id)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
