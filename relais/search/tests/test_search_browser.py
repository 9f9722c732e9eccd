"""In Chromium at 360 and 1280 px: a results page and a page without result pass axe-core
(WCAG 2.1 A and AA), with one h1 and no sideways scrolling, and the box in the header
fits the phone's width."""

import pytest

from relais.core.tests.browser import (
    DESKTOP,
    PHONE,
    headless_chromium,
    needs_chromium,
    page_problems,
)
from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.search.indexing import rebuild
from relais.stories.models import StoryIndexPage
from relais.stories.tests.factories import StoryPageFactory

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def browser(live_server):
    with headless_chromium() as chromium:
        yield chromium


def build_content():
    index = StoryIndexPage.objects.get()
    for number in range(12):
        source = StoryPageFactory(
            parent=index,
            title=f"Le jardin partagé numéro {number}",
            intro="Un jardin au pied des immeubles, ouvert à tous les voisins du quartier.",
        )
    KnowledgeCardFactory(
        title="Trouver un jardin", body="Demandez à la mairie.", sources=[{"story": source}]
    )
    rebuild()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_search_pages_pass_axe_core(browser, live_server, viewport):
    build_content()
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected
    page = context.new_page()
    for query, expected in (("jardins", "13 résultats"), ("zzzyyyxxx", "Aucun résultat")):
        served, problems = page_problems(page, f"{live_server.url}/recherche/?q={query}")
        assert expected in served
        assert problems == {}, (query, problems)
    header_box = page.locator(".header-search").bounding_box()
    assert header_box["x"] + header_box["width"] <= viewport["width"]
    context.close()
