"""Editors list, search, filter and edit knowledge cards (and their sources) in the admin."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from relais.journey.tests.factories import AmbassadorFactory, TerritoryFactory, ThemeFactory
from relais.knowledge.models import CardType, KnowledgeCard
from relais.knowledge.tests.factories import CardTypeFactory, KnowledgeCardFactory
from relais.stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_knowledge_knowledgecard:list")


def titles(response):
    return [card.title for card in response.context["object_list"]]


@pytest.fixture
def story(story_index):
    return StoryPageFactory(
        parent=story_index, body=[("text", "<p>Venez avec trois prénoms. On a osé.</p>")]
    )


def cited(story, *ambassadors, **fields):
    """A card quoting `story` once for each ambassador given."""
    sources = [{"story": story, "quote": "On a osé.", "ambassador": a} for a in ambassadors]
    return KnowledgeCardFactory(sources=sources, **fields)


def test_cited_by_at_least_two_lists_only_those_cards(editor_client, story):
    one, two = AmbassadorFactory(), AmbassadorFactory()
    cited(story, one, title="Une voix")
    cited(story, one, two, title="Deux voix")
    cited(story, one, two, AmbassadorFactory(), title="Trois voix")
    KnowledgeCardFactory(title="Sans source")
    assert titles(editor_client.get(LIST, {"cited_by": 2})) == ["Trois voix", "Deux voix"]


def test_cards_are_filtered_by_stage_type_theme_territory_and_publication(editor_client, stages):
    theme, territory = ThemeFactory(), TerritoryFactory()
    piege = CardType.objects.get(slug="piege")
    KnowledgeCardFactory(title="Idée", stages=[stages[0]])
    KnowledgeCardFactory(
        title="Vote", stages=[stages[2]], card_type=piege, themes=[theme], territory=territory
    )
    KnowledgeCardFactory(title="Cachée", stages=[stages[2]], live=False)
    assert titles(editor_client.get(LIST, {"stage": stages[2].pk})) == ["Cachée", "Vote"]
    assert titles(editor_client.get(LIST, {"card_type": piege.pk})) == ["Vote"]
    assert titles(editor_client.get(LIST, {"theme": theme.pk})) == ["Vote"]
    assert titles(editor_client.get(LIST, {"territory": territory.pk})) == ["Vote"]
    assert titles(editor_client.get(LIST, {"live": "false"})) == ["Cachée"]


def test_cards_are_searched_in_their_title_and_text(editor_client):
    KnowledgeCardFactory(title="Le comptoir", body="On y apprend tout.")
    KnowledgeCardFactory(title="Le vote", body="Mobilisez vos voisins.")
    assert titles(editor_client.get(LIST, {"q": "voisins"})) == ["Le vote"]


def test_the_list_shows_type_citations_and_sources(editor_client, story):
    cited(story, AmbassadorFactory(), AmbassadorFactory(), title="Deux voix")
    page = editor_client.get(LIST).content.decode()
    for text in ("Deux voix", "Astuce", "Citée par", "Sources", "Publiée"):
        assert text in page


def edit_data(card, sources, **fields):
    data = {
        "title": card.title,
        "card_type": card.card_type_id,
        "body": card.body,
        "territory": "",
        "live": "on",
        "sources": inline_formset(sources, initial=sum("id" in row for row in sources)),
    }
    # Lists stay lists (nested_form_data would number them as blocks of a StreamField).
    stages = fields.pop("stages", [stage.pk for stage in card.stages.all()] if card.pk else [])
    return nested_form_data(data | fields) | {"stages": stages}


def source_row(source=None, **fields):
    row = {"story": "", "ambassador": "", "quote": ""}
    if source is not None:
        row |= {
            "id": source.pk,
            "story": source.story_id or "",
            "ambassador": source.ambassador_id or "",
            "quote": source.quote,
        }
    return row | fields


def test_sources_added_and_removed_in_the_edit_form_update_the_counts(editor_client, story):
    """ "Cité par" follows the sources an editor adds or removes with the card's form."""
    first, second = AmbassadorFactory(), AmbassadorFactory()
    card = cited(story, first)
    url = reverse("wagtailsnippets_knowledge_knowledgecard:edit", args=[card.pk])
    existing = card.sources.get()
    added = source_row(story=story.pk, ambassador=second.pk, quote="Venez avec trois prénoms.")
    response = editor_client.post(url, edit_data(card, [source_row(existing), added]))
    assert response.status_code == 302
    card.refresh_from_db()
    assert (card.cited_by, card.source_count) == (2, 2)
    kept = card.sources.get(ambassador=second)
    response = editor_client.post(
        url, edit_data(card, [source_row(existing, DELETE="1"), source_row(kept)])
    )
    assert response.status_code == 302
    card.refresh_from_db()
    assert (card.cited_by, card.source_count) == (1, 1)
    assert card.sources.get() == kept


def test_a_source_is_a_story_or_an_answer(editor_client, story):
    card = cited(story, AmbassadorFactory())
    url = reverse("wagtailsnippets_knowledge_knowledgecard:edit", args=[card.pk])
    rows = [source_row(card.sources.get()), source_row(quote="Sans origine.")]
    response = editor_client.post(url, edit_data(card, rows))
    assert response.status_code == 200  # the form again, with the error
    assert card.sources.count() == 1


def test_a_card_added_in_the_admin_gets_its_address_from_its_title(editor_client, stages):
    url = reverse("wagtailsnippets_knowledge_knowledgecard:add")
    KnowledgeCardFactory(slug="venez-au-comptoir")
    data = {
        "title": "Venez au comptoir",
        "card_type": CardType.objects.get(slug="astuce").pk,
        "body": "On y apprend tout.",
        "stages": [stages[0].pk],
    }
    response = editor_client.post(url, edit_data(KnowledgeCard(), [], **data))
    assert response.status_code == 302
    assert KnowledgeCard.objects.get(title="Venez au comptoir").slug == "venez-au-comptoir-2"


def test_card_types_are_listed_in_their_order(editor_client):
    CardTypeFactory(name="Anecdote", sort_order=9, slug="anecdote")
    response = editor_client.get(reverse("wagtailsnippets_knowledge_cardtype:list"))
    names = [card_type.name for card_type in response.context["object_list"]]
    assert (names[0], names[-1]) == ("Astuce", "Anecdote")
