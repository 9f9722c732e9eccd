"""The search index: one document per public item, its facets and the words it uses.

The full-text part lives in each database's own engine (created by migration 0002): an
FTS5 table on SQLite, a weighted tsvector column of this table with a GIN index on
PostgreSQL. Nothing here is edited by hand: `relais.search.indexing` writes it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """A public item as search shows it: a card, a story, a glossary term, a project."""

    kind = models.CharField(_("kind"), max_length=20, db_index=True)
    key = models.CharField(max_length=80, unique=True)  # "<kind>:<pk>": one row per item
    url = models.CharField(max_length=300)
    title = models.CharField(max_length=300)
    keywords = models.TextField(blank=True)  # synonyms, types: weigh as the title, not shown
    body = models.TextField(blank=True)
    boost = models.FloatField(default=1.0)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.key


class SearchFacet(models.Model):
    """A stage or theme of a document: what the filters and their counts read."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=10)  # "stage" or "theme"
    value = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["name", "value", "document"])]

    def __str__(self):
        return f"{self.name}:{self.value}"


class SearchWord(models.Model):
    """A word some document uses (folded, unstemmed), with how many documents use it.

    The counts also give PostgreSQL, whose ranking ignores how rare a word is, the inverse
    document frequency of each stem of a query. A word no document uses any more is deleted
    at once, so that the words of an erased testimony do not outlive it here.
    """

    word = models.CharField(max_length=60, unique=True)
    stem = models.CharField(max_length=60, db_index=True)  # what the engines index
    documents = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word


class SearchVariant(models.Model):
    """The word itself or the word less one letter: how a typo finds its word by index.

    Two words one edit apart share a variant (symmetric deletion), so the candidates for a
    query word are the words whose variants are among the query word's own.
    """

    variant = models.CharField(max_length=60, db_index=True)
    word = models.ForeignKey(SearchWord, on_delete=models.CASCADE, related_name="variants")

    def __str__(self):
        return self.variant
