"""Editors merge two cards that say the same thing: one keeps the sources and the address."""

import pytest

from django.urls import reverse

from relais.journey.tests.factories import AmbassadorFactory, ThemeFactory
from relais.knowledge.models import CardRedirect, KnowledgeCard
from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cards(story_index, stages):
    """Two cards quoting the same story; one passage is quoted by both."""
    story = StoryPageFactory(parent=story_index)
    alice, bruno = AmbassadorFactory(), AmbassadorFactory()
    shared = {"story": story, "quote": "On a osé.", "ambassador": alice}
    kept = KnowledgeCardFactory(
        title="Osez le comptoir", slug="osez-le-comptoir", stages=[stages[0]], sources=[shared]
    )
    merged = KnowledgeCardFactory(
        title="Allez au comptoir",
        slug="allez-au-comptoir",
        stages=[stages[1]],
        themes=[ThemeFactory()],
        sources=[shared, {"story": story, "quote": "Le comptoir aide.", "ambassador": bruno}],
    )
    return kept, merged


def merge_url(card):
    return reverse("knowledge_admin:merge", args=[card.pk])


def test_the_confirmation_says_what_will_happen(editor_client, cards):
    kept, merged = cards
    response = editor_client.get(merge_url(merged), {"kept": kept.pk})
    page = response.content.decode()
    assert "« Allez au comptoir » va être fusionnée dans « Osez le comptoir »" in page
    assert "Ses 2 sources rejoignent celles de « Osez le comptoir »." in page
    assert "/savoirs/allez-au-comptoir/" in page
    assert KnowledgeCard.objects.count() == 2  # nothing done before the POST


def test_a_card_cannot_be_merged_into_itself(editor_client, cards):
    _, merged = cards
    response = editor_client.post(merge_url(merged), {"kept": merged.pk})
    assert response.status_code == 200
    assert "kept" in response.context["form"].errors
    assert KnowledgeCard.objects.filter(pk=merged.pk).exists()


def test_merging_combines_the_sources_once_and_redirects_the_address(editor_client, cards, stages):
    kept, merged = cards
    response = editor_client.post(merge_url(merged), {"kept": kept.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailsnippets_knowledge_knowledgecard:edit", args=[kept.pk]
    )
    assert "« Allez au comptoir » a été fusionnée dans « Osez le comptoir »." in (
        response.content.decode()
    )
    assert not KnowledgeCard.objects.filter(pk=merged.pk).exists()
    kept.refresh_from_db()
    quotes = sorted(kept.sources.values_list("quote", flat=True))
    assert quotes == ["Le comptoir aide.", "On a osé."]  # the shared passage is not doubled
    assert (kept.cited_by, kept.source_count) == (2, 2)
    assert set(kept.stages.all()) == {stages[0], stages[1]}
    assert list(CardRedirect.objects.values_list("old_slug", "card")) == [
        ("allez-au-comptoir", kept.pk)
    ]


def test_the_merged_card_address_answers_301_to_the_kept_card(editor_client, client, cards):
    """After merging, visitors following the old address land on the kept card's page."""
    kept, merged = cards
    editor_client.post(merge_url(merged), {"kept": kept.pk})
    response = client.get("/savoirs/allez-au-comptoir/")
    assert response.status_code == 301
    assert response["Location"] == "/savoirs/osez-le-comptoir/"


def test_the_card_list_and_form_offer_to_merge(editor_client, cards):
    kept, _ = cards
    url = merge_url(kept)
    assert (
        url
        in editor_client.get(
            reverse("wagtailsnippets_knowledge_knowledgecard:list")
        ).content.decode()
    )
    edit = reverse("wagtailsnippets_knowledge_knowledgecard:edit", args=[kept.pk])
    assert url in editor_client.get(edit).content.decode()
