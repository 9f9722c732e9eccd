"""In Chromium at 360 and 1280 px: the "create a card from a passage" screen passes axe-core
(WCAG 2.1 A and AA) and fits the width, before and after the passage is chosen; words
selected with the mouse become the passage."""

import pytest

from django.urls import reverse

from relais.collect.choices import TestimonyStatus
from relais.collect.tests.factories import AnswerFactory
from relais.core.tests.browser import (
    AXE_JS,
    AXE_RUN,
    CHROMIUM,
    CHROMIUM_ARGS,
    WCAG_TAGS,
    needs_chromium,
)
from relais.core.tests.factories import UserFactory
from relais.staff.tests.factories import sign_in_with_second_factor

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Select the words "deux soirées ! Le vote" across two sentences, as a mouse would.
SELECT = """() => {
  const labels = [...document.querySelectorAll('[data-passage-source] label')];
  const start = labels[2].firstChild, end = labels[3].firstChild;
  const range = document.createRange();
  range.setStart(start, start.data.indexOf('deux'));
  range.setEnd(end, end.data.indexOf('vote') + 4);
  document.getSelection().removeAllRanges();
  document.getSelection().addRange(range);
}"""
ANSWER = (
    "Nous avons commencé par un café. Au comptoir, on nous a dit de venir avec trois "
    "prénoms. Ensuite, le dossier a pris deux soirées !\nLe vote, lui, nous a surpris."
)

pytestmark = [pytest.mark.browser, needs_chromium]


def problems(page):
    """axe-core violations and sideways scrolling of the page shown."""
    found = {"overflow_px": page.evaluate(OVERFLOW)}
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert result["passes"] > 5, "axe-core did not run"
    found["violations"] = result["violations"]
    return {name: value for name, value in found.items() if value}


@pytest.mark.django_db(transaction=True)
def test_the_passage_screen_is_accessible_on_a_phone_and_a_desktop(
    live_server, client, stages, monkeypatch
):
    """One test on purpose: a transactional test empties the database when it ends."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    from playwright.sync_api import sync_playwright

    answer = AnswerFactory(
        question=stages[1].questions.first(),
        text=ANSWER,
        testimony__status=TestimonyStatus.SUBMITTED,
        testimony__consent_text_scope=True,
    )
    sign_in_with_second_factor(client, UserFactory(groups=["Editors"]))
    url = live_server.url + reverse("knowledge_admin:from_answer", args=[answer.pk])
    shown = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for width in (360, 1280):
            context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
            cookie = client.cookies["sessionid"].value
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
            page = context.new_page()
            page.goto(url)
            shown[f"{width} choose"] = problems(page)
            page.evaluate(SELECT)
            page.get_by_text("deux soirées ! Le vote", exact=True).wait_for()
            page.get_by_role("button", name="Utiliser ce passage").click()
            page.wait_for_url("**#card-step")
            assert page.locator("blockquote").inner_text() == "deux soirées ! Le vote"
            assert page.get_by_label("Texte").input_value() == "deux soirées ! Le vote"
            shown[f"{width} write"] = problems(page)
            context.close()
        browser.close()
    assert shown == {"360 choose": {}, "360 write": {}, "1280 choose": {}, "1280 write": {}}
