"""A card, the cards list and a stage guide cost the same few queries with 3 or 30 cards."""

import pytest

from relais.core.models import ContentGeneration
from relais.stories.tests.test_query_counts import MAX_QUERIES, queries_of

from ..models import CardType
from ..services import add_source
from .factories import KnowledgeCardFactory

pytestmark = pytest.mark.django_db

# Served again: version + card + its stages + its themes + its sources (with who and where)
CARD = 5
# version + the ids of the page of cards (tiles and counts are kept per content version)
CARD_LIST = 2
# version only: the ids of its stories and of those with audio are kept per content version,
# and its cards are ranked by type once per content change
GUIDE = 1


def add_cards(story, stages, count):
    types = list(CardType.objects.all())
    for number in range(count):
        card = KnowledgeCardFactory(
            card_type=types[number % len(types)], stages=[stages[0], stages[1]]
        )
        add_source(card, story=story, quote="trois prénoms")


def urls(stages, card_slug):
    return {
        "card": f"/savoirs/{card_slug}/",
        "card list": "/savoirs/",
        "filtered card list": f"/savoirs/?etape={stages[1].slug}&type=astuce",
        "guide": stages[1].get_absolute_url(),
    }


@pytest.mark.parametrize("cards", [3, 30])
def test_know_how_pages_cost_the_same_few_queries_with_3_or_30_cards(client, story, stages, cards):
    add_cards(story, stages, cards)
    pages = urls(stages, story_card_slug())
    counts = {}
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url
        counts[name] = queries_of(client, url)
    assert counts == {
        "card": CARD,
        "card list": CARD_LIST,
        "filtered card list": CARD_LIST,
        "guide": GUIDE,
    }
    assert max(counts.values()) <= MAX_QUERIES


@pytest.mark.parametrize("cards", [3, 30])
def test_the_first_guide_after_a_change_costs_the_same_with_3_or_30_cards(
    client, story, stages, cards
):
    add_cards(story, stages, cards)
    counts = {}
    for name, url in urls(stages, story_card_slug()).items():
        assert client.get(url).status_code == 200, url
        ContentGeneration.bump()
        counts[name] = queries_of(client, url)
    assert counts == FIRST_AFTER_A_CHANGE


def story_card_slug():
    from ..models import KnowledgeCard

    return KnowledgeCard.objects.order_by("pk").values_list("slug", flat=True).first()


# The first request after a content change also reads the site, the menus, the programme,
# the stages and themes, the card types, the glossary, the counts and the tiles.
FIRST_AFTER_A_CHANGE = {"card": 17, "card list": 20, "filtered card list": 20, "guide": 26}
