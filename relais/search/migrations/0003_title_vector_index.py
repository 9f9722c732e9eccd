"""PostgreSQL: a GIN index of each document's title terms alone (weight A of its vector).

A very common word ("projet", "dossier") is ranked only where it is in a title: this index
finds those documents without reading the tens of thousands that use it in their body
(see `relais.search.engines`). SQLite needs nothing: FTS5 filters by column itself.
"""

from django.db import migrations

UP = (
    "CREATE INDEX IF NOT EXISTS search_document_title_vector "
    "ON search_searchdocument USING GIN (ts_filter(vector, '{a}'))"
)
DOWN = "DROP INDEX IF EXISTS search_document_title_vector"


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_engines")]

    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
