"""Write the index: one item at a time (signals) or everything at once (rebuild)."""

from collections import Counter

from django.db import connection, transaction

from . import vocabulary
from .engines import current_engine
from .models import SearchDocument, SearchFacet
from .sources.registry import SOURCES

CHUNK = 500


def _row(source, document):
    return SearchDocument(
        kind=source.kind,
        key=document.key,
        url=document.url[:300],
        title=document.title[:300],
        keywords=document.keywords,
        body=document.body,
        boost=document.boost,
    )


def _facets(row, document):
    return [
        *(SearchFacet(document=row, name="stage", value=pk) for pk in document.stages),
        *(SearchFacet(document=row, name="theme", value=pk) for pk in document.themes),
    ]


def _words(row):
    return vocabulary.document_words(row.title, row.keywords, row.body)


def remove(keys):
    """Remove the documents of these keys, their engine rows and the words only they used."""
    rows = list(SearchDocument.objects.filter(key__in=list(keys)))
    if not rows:
        return
    delta = Counter()
    for row in rows:
        delta.subtract(_words(row))
    with connection.cursor() as cursor:
        current_engine().delete(cursor, [row.pk for row in rows])
    SearchDocument.objects.filter(pk__in=[row.pk for row in rows]).delete()
    vocabulary.change_counts(delta)


@transaction.atomic
def index_item(source, pk):
    """Copy one item, as stored now, into the index if it is public, or take it out."""
    key = source.key(pk)
    item = source.public_items().filter(pk=pk).first()
    remove([key])
    if item is None:
        return
    document = source.document(item)
    row = _row(source, document)
    row.save()
    SearchFacet.objects.bulk_create(_facets(row, document))
    with connection.cursor() as cursor:
        current_engine().store(cursor, [(row.pk, f"{row.title} {row.keywords}", row.body)])
    vocabulary.change_counts(Counter(_words(row)))


@transaction.atomic
def rebuild():
    """Empty the index and copy every public item of every source; return counts per kind."""
    engine = current_engine()
    with connection.cursor() as cursor:
        engine.clear(cursor)
    SearchFacet.objects.all().delete()
    SearchDocument.objects.all().delete()
    vocabulary.clear()
    counts, words = {}, Counter()
    for source in SOURCES.values():
        counts[source.kind] = 0
        for chunk in _chunks(source.public_items().iterator(chunk_size=CHUNK)):
            documents = [source.document(item) for item in chunk]
            rows = SearchDocument.objects.bulk_create([_row(source, d) for d in documents])
            SearchFacet.objects.bulk_create(
                [f for row, d in zip(rows, documents, strict=True) for f in _facets(row, d)]
            )
            with connection.cursor() as cursor:
                engine.store(cursor, [(r.pk, f"{r.title} {r.keywords}", r.body) for r in rows])
            for row in rows:
                words.update(_words(row))
            counts[source.kind] += len(rows)
    vocabulary.add_words(words)
    return counts


def _chunks(iterable):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
