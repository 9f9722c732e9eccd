"""In Chromium at 360 and 1280 px: the glossary page and a story with linked terms pass
axe-core (WCAG 2.1 A and AA) without sideways scrolling, and a linked term, reached with the
keyboard, is announced with its definition."""

import pytest

from relais.core.tests.browser import (
    AXE_JS,
    AXE_RUN,
    WCAG_TAGS,
    headless_chromium,
    needs_chromium,
)
from relais.glossary.tests.factories import GlossaryTermFactory
from relais.stories.models import StoryIndexPage
from relais.stories.tests.factories import StoryPageFactory

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# axe-core no longer checks ids (WCAG 2.2 made 4.1.1 obsolete), but aria-describedby needs
# them unique: a repeated id would announce another term's definition.
REPEATED_IDS = """() => {
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}"""
DEFINITION = "Une économie qui met les personnes avant le profit."

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture
def browser(live_server):
    with headless_chromium() as chromium:
        yield chromium


def build_glossary_and_story():
    """Return the address of a story whose texts link three terms of a small glossary."""
    GlossaryTermFactory(
        term="économie sociale et solidaire", slug="ess", synonyms="ESS", definition=DEFINITION
    )
    GlossaryTermFactory(term="SCOP", forms="SCOP", definition="Une coopérative de salariés.")
    GlossaryTermFactory(
        term="comptoir à initiatives citoyennes",
        synonyms="comptoir à initiatives",
        forms="comptoir\ncomptoirs",
        definition="Un atelier pour construire son idée avec des ambassadeurs.",
    )
    for number in range(12):
        GlossaryTermFactory(term=f"mot numéro {number}", definition="Une définition courte.")
    story = StoryPageFactory(
        parent=StoryIndexPage.objects.get(),
        intro="Une SCOP de l'ESS raconte son parcours.",
        body=[
            ("text", "<h2>Au comptoir</h2><p>Au <strong>comptoir</strong>, on parle d'ESS.</p>"),
            ("quote", {"text": "Le comptoir a tout changé.", "author": "Alice", "role": ""}),
        ],
    )
    return story.url


def problems(page, url):
    page.goto(url)
    overflow = page.evaluate(OVERFLOW)
    repeated = page.evaluate(REPEATED_IDS)
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert result["passes"] > 10, f"axe-core did not run on {url}"
    found = {}
    if result["violations"]:
        found["violations"] = result["violations"]
    if overflow > 0:
        found["overflow_px"] = overflow
    if repeated:
        found["repeated_ids"] = repeated
    return found


@pytest.mark.django_db(transaction=True)
def test_the_glossary_and_a_story_with_terms_pass_axe_and_fit_a_phone_and_a_desktop(
    live_server, browser
):
    story_url = build_glossary_and_story()
    found = {}
    for width in (360, 1280):
        context = browser.new_context(
            viewport={"width": width, "height": 800}, bypass_csp=True, base_url=live_server.url
        )
        page = context.new_page()
        for url in ("/glossaire/", story_url):
            found[f"{url} at {width} px"] = problems(page, url)
        context.close()
    assert {where: problem for where, problem in found.items() if problem} == {}


@pytest.mark.django_db(transaction=True)
def test_a_term_reached_with_the_keyboard_is_announced_with_its_definition(live_server, browser):
    from playwright.sync_api import expect

    story_url = build_glossary_and_story()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + story_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glossary-term')"):
            break
    focused = page.locator(":focus")
    expect(focused).to_have_text("SCOP")
    expect(focused).to_have_accessible_description("Une coopérative de salariés.")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    focused.press("Enter")
    page.wait_for_url("**/glossaire/#scop")
    assert page.locator("#scop dfn").inner_text() == "SCOP"
    context.close()
