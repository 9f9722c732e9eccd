"""The know-how pages pass axe-core (WCAG 2.1 A/AA) and fit a phone and a desktop screen."""

import pytest

from relais.core.tests.browser import (
    DESKTOP,
    PHONE,
    headless_chromium,
    needs_chromium,
    page_problems,
)
from relais.journey.tests.factories import AmbassadorFactory, ThemeFactory

from ..models import CardType
from ..services import add_source
from .factories import KnowledgeCardFactory

pytestmark = [pytest.mark.browser, needs_chromium]


def know_how(story, stages):
    """Cards of every type at the story's stage, some cited by several ambassadors."""
    theme = ThemeFactory(name="Alimentation", slug="alimentation")
    cards = []
    for number, card_type in enumerate(CardType.objects.all()):
        card = KnowledgeCardFactory(
            title=f"Une fiche « {card_type.name} » assez longue pour passer à la ligne",
            card_type=card_type,
            stages=[stages[1]],
            themes=[theme],
        )
        add_source(card, story=story, quote="Venez avec trois prénoms")
        for _ in range(number % 3):
            add_source(card, story=story, quote="pas un dossier", ambassador=AmbassadorFactory())
        cards.append(card)
    return cards


@pytest.mark.django_db(transaction=True)
def test_card_guide_and_cards_list_pass_axe_at_360_and_1280_px(live_server, story, stages):
    card = know_how(story, stages)[0]
    urls = [
        card.get_absolute_url(),
        stages[1].get_absolute_url(),
        "/savoirs/",
        f"/savoirs/?etape={stages[1].slug}&type=astuce&theme=alimentation",
        "/savoirs/?etape=inconnue&type=piege",  # no card: the way out
    ]
    problems = {}
    with headless_chromium() as chromium:
        for name, viewport in (("360", PHONE), ("1280", DESKTOP)):
            context = chromium.new_context(
                viewport=viewport, bypass_csp=True, base_url=live_server.url
            )
            page = context.new_page()
            for url in urls:
                problems[f"{name} {url}"] = page_problems(page, url)[1]
            context.close()
    assert {url: found for url, found in problems.items() if found} == {}
