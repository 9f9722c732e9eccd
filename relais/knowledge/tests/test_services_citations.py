"""'Cité par N ambassadeurs' is counted from the sources, never typed."""

import pytest

from relais.journey.tests.factories import AmbassadorFactory

from ..models import KnowledgeCard
from ..services import add_source
from .factories import KnowledgeCardFactory

pytestmark = pytest.mark.django_db


def test_a_card_without_sources_is_not_public():
    card = KnowledgeCardFactory()
    assert card.cited_by == 0
    assert not KnowledgeCard.objects.public().filter(pk=card.pk).exists()


def test_cited_by_counts_distinct_ambassadors_behind_the_sources(story, answer):
    card = KnowledgeCardFactory()
    add_source(card, story=story, quote="trois prénoms")
    add_source(card, story=story, quote="pas un dossier")  # the same ambassador again
    card.refresh_from_db()
    assert (card.cited_by, card.source_count) == (1, 2)

    source = add_source(card, answer=answer, quote="Préparez un budget simple.")
    card.refresh_from_db()
    assert source.ambassador.display_name == "Karim H."
    assert card.cited_by == 2
    assert KnowledgeCard.objects.public().filter(pk=card.pk).exists()


def test_removing_a_source_recounts(story):
    card = KnowledgeCardFactory()
    other = AmbassadorFactory()
    add_source(card, story=story, quote="trois prénoms")
    extra = add_source(card, story=story, quote="pas un dossier", ambassador=other)
    card.refresh_from_db()
    assert card.cited_by == 2
    extra.delete()
    card.refresh_from_db()
    assert (card.cited_by, card.source_count) == (1, 1)
