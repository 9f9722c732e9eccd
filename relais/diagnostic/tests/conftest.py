"""The small world the diagnostic's tests share: themes, territories and the questions."""

import pytest

from relais.journey.choices import TerritoryKind
from relais.journey.tests.factories import TerritoryFactory, ThemeFactory

from .factories import questionnaire


@pytest.fixture
def world(programme, stages, story_index):
    """Two themes, two intercommunalities with a commune each, and the questions."""
    food = ThemeFactory(name="Alimentation", slug="alimentation")
    sport = ThemeFactory(name="Sport", slug="sport")
    arras = TerritoryFactory(
        name="Arrageois", slug="arrageois", kind=TerritoryKind.INTERCOMMUNALITY, parent=None
    )
    coast = TerritoryFactory(
        name="Boulonnais", slug="boulonnais", kind=TerritoryKind.INTERCOMMUNALITY, parent=None
    )
    questionnaire(themes=[food, sport], territories=[arras, coast], stages=stages)
    return {
        "food": food,
        "sport": sport,
        "arras": arras,
        "coast": coast,
        "commune": TerritoryFactory(name="Achicourt", slug="achicourt", parent=arras),
        "programme": programme,
        "stages": stages,
        "index": story_index,
    }
