"""In Chromium at 360 and 1280 px: the questions and the path pass axe-core (WCAG 2.1 A and
AA) without sideways scrolling, and the diagnostic is completed with the keyboard alone,
one question per screen."""

import datetime

import pytest

from django.utils import timezone

from relais.core.tests.browser import (
    DESKTOP,
    PHONE,
    headless_chromium,
    needs_chromium,
    page_problems,
)
from relais.diagnostic.models import DiagnosticQuestion
from relais.glossary.tests.factories import GlossaryTermFactory
from relais.journey.models import ProgrammeDate
from relais.journey.tests.factories import AmbassadorFactory, LaureateProjectFactory
from relais.knowledge.services import add_source
from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.stories.tests.factories import StoryPageFactory

from .factories import KeptPathFactory, answers

pytestmark = [pytest.mark.browser, needs_chromium]
QUERY = "theme=alimentation&territoire=arrageois&etape=idee&groupe=deux"


def content(world):
    """A glossary word in a question, stories, cards, an ambassador and a comptoir."""
    term = GlossaryTermFactory(term="groupe", definition="Des personnes qui agissent ensemble.")
    question = DiagnosticQuestion.objects.get(slug="groupe")
    question.glossary_term = term
    question.help_text = "Un projet est porté par plusieurs personnes."
    question.save()
    food, stages = world["food"], world["stages"]
    project = LaureateProjectFactory(themes=[food], commune=world["commune"])
    story = StoryPageFactory(
        parent=world["index"],
        title="Une épicerie solidaire",
        themes=[food],
        stages=[stages[0]],
        project=project,
        body=[("text", "<p>On a osé.</p>")],
    )
    for number in range(3):
        card = KnowledgeCardFactory(title=f"Astuce {number}", themes=[food], stages=[stages[0]])
        add_source(card, story=story, quote="On a osé.")
    AmbassadorFactory(display_name="Zoé", accepts_questions=True, projects=[project])
    ProgrammeDate.objects.create(
        programme=world["programme"],
        stage=stages[0],
        label="Comptoir d'Arras",
        starts_on=timezone.localdate() + datetime.timedelta(days=5),
        place="Maison des associations, Arras",
        territory=world["arras"],
    )


@pytest.mark.django_db(transaction=True)
def test_the_questions_and_the_path_pass_axe_at_360_and_1280_px(live_server, world):
    content(world)
    kept = KeptPathFactory(answers=answers(groupe="deux"))
    urls = [
        "/mon-idee/",
        "/mon-idee/resultat/",  # no answer at all: the questions and a message
        "/mon-idee/resultat/?theme=alimentation",  # missing answers: the summary
        f"/mon-idee/resultat/?{QUERY}",
        f"/mon-idee/garder/?{QUERY}",
        f"/mon-idee/parcours/{kept.token}/",
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


def press_tab_until(page, selector, limit=12):
    """Press Tab until the focused element matches `selector`; fail after `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.django_db(transaction=True)
def test_the_diagnostic_is_completed_with_the_keyboard_alone_one_question_per_screen(
    live_server, world
):
    content(world)
    count = DiagnosticQuestion.objects.count()
    with headless_chromium() as chromium:
        page = chromium.new_page(viewport=PHONE, base_url=live_server.url)
        page.goto("/mon-idee/")
        for number in range(1, count + 1):
            assert page.locator("[data-progress-text]").inner_text() == (
                f"Question {number} sur {count}"
            )
            assert page.locator("fieldset:not([hidden])").count() == 1
            press_tab_until(page, "input[type=radio]")
            page.keyboard.press("Space")
            press_tab_until(page, "[data-next]:not([hidden]), [data-submit]:not([hidden])")
            page.keyboard.press("Enter")
        page.wait_for_url("**/mon-idee/resultat/**")
        assert page.locator("h1").inner_text() == "Mon parcours"
        assert "Parce que vous avez choisi" in page.locator(".lead").inner_text()
        page.close()


@pytest.mark.django_db(transaction=True)
def test_next_without_an_answer_says_so_and_stays_on_the_question(live_server, world):
    with headless_chromium() as chromium:
        page = chromium.new_page(viewport=PHONE, base_url=live_server.url)
        page.goto("/mon-idee/")
        page.locator("[data-next]").click()
        assert page.locator("[data-step-error]").is_visible()
        assert page.locator("[data-progress-text]").inner_text().startswith("Question 1 sur")
        page.close()


@pytest.mark.django_db(transaction=True)
def test_enter_in_an_answer_goes_to_the_next_question_not_to_the_result(live_server, world):
    with headless_chromium() as chromium:
        page = chromium.new_page(viewport=PHONE, base_url=live_server.url)
        page.goto("/mon-idee/")
        page.locator("fieldset:not([hidden]) input").first.check()
        page.keyboard.press("Enter")
        assert page.locator("[data-progress-text]").inner_text().startswith("Question 2 sur")
        assert page.url.endswith("/mon-idee/")
        page.close()


def shows(page, number):
    """Wait until the progress names question `number` (history events are asynchronous)."""
    script = "n => document.querySelector('[data-progress-text]').textContent"
    page.wait_for_function(script + ".startsWith('Question ' + n + ' sur')", arg=number)


@pytest.mark.django_db(transaction=True)
def test_the_browsers_back_button_goes_to_the_previous_question(live_server, world):
    with headless_chromium() as chromium:
        page = chromium.new_page(viewport=PHONE, base_url=live_server.url)
        page.goto("/mon-idee/")
        for _ in range(2):
            page.locator("fieldset:not([hidden]) input").first.check()
            page.locator("[data-next]").click()
        shows(page, 3)
        page.go_back()
        shows(page, 2)
        assert page.locator("fieldset:not([hidden]) input").first.is_checked()  # kept
        page.locator("[data-back]").click()  # the page's Back walks the same history
        shows(page, 1)
        assert page.url.endswith("/mon-idee/")
        page.go_forward()
        shows(page, 2)
        page.close()
