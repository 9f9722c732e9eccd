"""A withdrawal takes what the testimony said out of every card (issue 11, point 1)."""

import pytest

from relais.collect.erasure import withdraw

from ..models import CardSource, KnowledgeCard
from ..services import add_source
from .factories import KnowledgeCardFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_card_said_only_by_a_withdrawn_testimony_disappears(client, answer, stages):
    card = KnowledgeCardFactory(title="Parlez d'argent tôt", stages=[stages[1]])
    add_source(card, answer=answer, quote="Préparez un budget simple.")
    assert client.get(card.get_absolute_url()).status_code == 200
    assert "Parlez d&#x27;argent tôt" in client.get(stages[1].get_absolute_url()).text

    withdraw(answer.testimony)

    assert not KnowledgeCard.objects.filter(pk=card.pk).exists()
    assert not CardSource.objects.filter(quote__contains="budget simple").exists()
    assert client.get(card.get_absolute_url()).status_code == 404
    assert "Parlez d" not in client.get(stages[1].get_absolute_url()).text
    assert "Parlez d" not in client.get("/savoirs/").text


def test_a_card_also_said_in_a_story_stays_without_the_withdrawn_words(
    client, answer, story, stages
):
    card = KnowledgeCardFactory(stages=[stages[1]])
    add_source(card, story=story, quote="Venez avec trois prénoms")
    add_source(card, answer=answer, quote="Préparez un budget simple.")
    page = client.get(card.get_absolute_url()).text
    assert "Préparez un budget simple." in page and "Karim H." in page

    withdraw(answer.testimony)

    card.refresh_from_db()
    assert (card.cited_by, card.source_count) == (1, 1)
    page = client.get(card.get_absolute_url()).text
    assert "Venez avec trois prénoms" in page
    assert "budget simple" not in page and "Karim H." not in page
