"""What visitors see of the know-how: a card, the cards with filters, a stage guide."""

from pathlib import Path

import pytest

from django.contrib.staticfiles import finders

from relais.journey.tests.factories import AmbassadorFactory, ThemeFactory

from ..models import CardRedirect, CardType
from ..services import add_source, merge_cards
from .factories import KnowledgeCardFactory

pytestmark = pytest.mark.django_db


def cited_card(story, *, ambassadors=1, **fields):
    """Return a public card quoting `story`, said by `ambassadors` distinct ambassadors."""
    card = KnowledgeCardFactory(**fields)
    add_source(card, story=story, quote="trois prénoms")
    for _ in range(ambassadors - 1):
        add_source(card, story=story, quote="pas un dossier", ambassador=AmbassadorFactory())
    card.refresh_from_db()
    return card


def test_a_card_shows_its_text_type_stages_and_the_words_of_its_sources(client, story, stages):
    card = cited_card(story, ambassadors=2, title="Venez avec trois prénoms", stages=[stages[1]])
    page = client.get(card.get_absolute_url())
    assert page.status_code == 200
    text = page.text
    assert "<h1>Venez avec trois prénoms</h1>" in text
    assert "Astuce" in text
    assert "Cité par 2 ambassadeurs" in text
    assert f'href="{stages[1].get_absolute_url()}"' in text
    assert "<p>trois prénoms</p>" in text  # the quoted words…
    assert 'href="/ambassadeurs/' in text and "Nadia B." in text  # …who said them…
    assert f'href="{story.url}"' in text  # …and where


def test_a_testimony_is_quoted_only_with_consent_to_publish_the_text(client, answer, story):
    card = cited_card(story)
    add_source(card, answer=answer, quote="Préparez un budget simple.")
    assert "Préparez un budget simple." in client.get(card.get_absolute_url()).text
    answer.testimony.consent_text_scope = False
    answer.testimony.save()
    page = client.get(card.get_absolute_url()).text
    assert "Préparez un budget simple." not in page
    assert "Cité par 2 ambassadeurs" in page  # it still counts


@pytest.mark.parametrize("state", ["unpublished", "without sources"])
def test_a_card_that_is_not_public_is_not_found(client, story, state):
    card = cited_card(story) if state == "unpublished" else KnowledgeCardFactory()
    if state == "unpublished":
        card.live = False
        card.save()
    assert client.get(card.get_absolute_url()).status_code == 404
    assert card.title not in client.get("/savoirs/").text


def test_a_merged_card_address_answers_301_to_the_kept_card(client, story):
    kept, merged = cited_card(story), cited_card(story, ambassadors=2)
    old_url = merged.get_absolute_url()
    merge_cards(kept, merged)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == kept.get_absolute_url()
    assert CardRedirect.objects.filter(card=kept).count() == 1
    kept.refresh_from_db()
    assert kept.cited_by == 2  # the sources were combined, the duplicate quote kept once
    assert kept.source_count == 2


def test_the_cards_list_filters_by_stage_type_and_theme(client, story, stages):
    theme = ThemeFactory(name="Alimentation", slug="alimentation")
    trap = CardType.objects.get(slug="piege")
    cited_card(story, title="Carte idée", stages=[stages[0]])
    cited_card(story, title="Carte dépôt", stages=[stages[1]], themes=[theme])
    cited_card(story, title="Carte piège", stages=[stages[1]], card_type=trap)

    def titles(query):
        text = client.get(f"/savoirs/{query}").text
        return {t for t in ("Carte idée", "Carte dépôt", "Carte piège") if t in text}

    assert titles("") == {"Carte idée", "Carte dépôt", "Carte piège"}
    assert titles(f"?etape={stages[1].slug}") == {"Carte dépôt", "Carte piège"}
    assert titles(f"?etape={stages[1].slug}&type=piege") == {"Carte piège"}
    assert titles("?theme=alimentation") == {"Carte dépôt"}
    assert titles("?type=inconnu") == {"Carte idée", "Carte dépôt", "Carte piège"}
    assert "3 fiches" in client.get("/savoirs/").text


def test_the_cards_list_puts_the_most_cited_first(client, story):
    cited_card(story, title="Une voix")
    cited_card(story, title="Trois voix", ambassadors=3)
    text = client.get("/savoirs/").text
    assert text.index("Trois voix") < text.index("Une voix")


def test_a_stage_guide_groups_its_cards_by_type_most_cited_first(client, story, stages):
    trap = CardType.objects.get(slug="piege")
    cited_card(story, title="Astuce peu citée", stages=[stages[1]])
    cited_card(story, title="Astuce très citée", stages=[stages[1]], ambassadors=3)
    cited_card(story, title="Un piège", stages=[stages[1]], card_type=trap)
    cited_card(story, title="Carte d'une autre étape", stages=[stages[2]])
    text = client.get(stages[1].get_absolute_url()).text
    assert "Carte d&#x27;une autre étape" not in text
    tips, traps = (
        text.index('<h3 id="type-astuce">Astuces</h3>'),
        text.index('<h3 id="type-piege">Pièges à éviter</h3>'),
    )
    assert tips < text.index("Astuce très citée") < text.index("Astuce peu citée") < traps
    assert traps < text.index("Un piège")
    assert "3 fiches pour cette étape" in text
    assert "L&#x27;épicerie du quartier" in text  # the stage's story
    assert f'href="{stages[2].get_absolute_url()}" rel="next"' in text


def test_a_stage_guide_links_to_every_card_of_a_type_beyond_the_first_ones(client, story, stages):
    for number in range(8):
        cited_card(story, title=f"Astuce {number}", stages=[stages[0]])
    text = client.get(stages[0].get_absolute_url()).text
    assert text.count('class="card knowledge-card"') == 6
    assert f"/savoirs/?etape={stages[0].slug}&amp;type=astuce" in text


def test_a_stage_guide_prints_with_the_funder_mention(client, stages):
    """The print stylesheet hides menus, not the funder's footer."""
    text = client.get(stages[0].get_absolute_url()).text
    assert 'class="funder"' in text
    stylesheet = Path(finders.find("css/relais.css")).read_text()
    printed = stylesheet[stylesheet.index("@media print") :]
    assert ".site-header" in printed and ".funder" not in printed


def test_glossary_terms_link_to_their_definition_in_cards_and_guides(client, story, stages):
    from relais.glossary.models import GlossaryTerm

    GlossaryTerm.objects.create(
        term="Comptoir à initiatives", slug="comptoir-a-initiatives", definition="Un atelier."
    )
    card = cited_card(
        story, stages=[stages[1]], body="Au comptoir à initiatives, venez avec trois prénoms."
    )
    for url in (card.get_absolute_url(), stages[1].get_absolute_url(), "/savoirs/"):
        text = client.get(url).text
        assert 'class="glossary-term" href="/glossaire/#comptoir-a-initiatives"' in text, url
        assert ">comptoir à initiatives</a>" in text, url
