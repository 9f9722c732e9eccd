"""In Chromium at 360 and 1280 px: the idea box (empty, then with errors) and the FAQ pass
axe-core (WCAG 2.1 A/AA), fit the screen, and a visitor can send an idea with the keyboard."""

import pytest

from relais.core.tests.browser import (
    AXE_JS,
    AXE_RUN,
    DESKTOP,
    PHONE,
    WCAG_TAGS,
    headless_chromium,
    needs_chromium,
    page_problems,
)

from ..models import Idea
from .factories import FaqEntryFactory

pytestmark = [pytest.mark.browser, needs_chromium]

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def faq_entries(stages):
    FaqEntryFactory(
        question="Qui peut proposer une idée, et faut-il déjà avoir une association ?",
        answer="Toute personne qui habite le département.\n\nPas besoin d'association.",
        stage=stages[0],
        is_example=True,
    )
    FaqEntryFactory(question="Quand vote-t-on ?", stage=stages[2])
    FaqEntryFactory(question="Qui peut m'aider ?")


def current_page_problems(page):
    """Return the axe violations and the sideways overflow of the page as it is now."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert result["passes"] > 10, "axe-core did not run"
    found = {}
    if result["violations"]:
        found["violations"] = result["violations"]
    if page.evaluate(OVERFLOW) > 0:
        found["overflow_px"] = page.evaluate(OVERFLOW)
    return found


@pytest.mark.django_db(transaction=True)
def test_the_idea_box_and_the_faq_pass_axe_at_360_and_1280_px(live_server, stages):
    faq_entries(stages)
    problems = {}
    with headless_chromium() as chromium:
        for name, viewport in (("360", PHONE), ("1280", DESKTOP)):
            context = chromium.new_context(
                viewport=viewport, bypass_csp=True, base_url=live_server.url
            )
            page = context.new_page()
            for url in ("/boite-a-idees/", "/questions-frequentes/", "/boite-a-idees/merci/"):
                problems[f"{name} {url}"] = page_problems(page, url)[1]
            page.goto("/boite-a-idees/")
            page.fill("#id_text", "<b>Une idée</b> " * 10)
            page.click("main button[type=submit]")  # no choice about publication: refused
            assert page.locator(".form-errors").count() == 1
            problems[f"{name} errors"] = current_page_problems(page)
            context.close()
    assert {where: found for where, found in problems.items() if found} == {}
    assert not Idea.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_idea_is_sent_with_the_keyboard_alone(live_server):
    with headless_chromium() as chromium:
        page = chromium.new_page(viewport=PHONE)
        page.goto(live_server.url + "/boite-a-idees/")
        page.focus("#id_kind_0")
        page.keyboard.press("ArrowDown")  # a question
        page.keyboard.press("Tab")
        page.keyboard.type("Peut-on candidater sans association ?")
        for _ in range(3):
            page.keyboard.press("Tab")
        page.keyboard.press("Space")  # yes, publish
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_url("**/boite-a-idees/merci/")
    idea = Idea.objects.get()
    assert (idea.kind, idea.text, idea.consent_to_publish) == (
        "question",
        "Peut-on candidater sans association ?",
        True,
    )
