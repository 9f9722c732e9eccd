"""In Chromium at 360 px: consent checkboxes keep their size, and autosave on a testimony
sent meanwhile, or after the session ended, says it did not save, and why, instead of
claiming to be offline; the text stays in the page."""

import os
import time
from importlib import import_module
from pathlib import Path

import pytest

from django.conf import settings

from relais.collect.tests.factories import AnswerFactory
from relais.core.sessions import SEEN_KEY
from relais.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
        reason="Chromium is not installed (make test-deps installs it)",
    ),
]

CHECKBOX_BOXES = """() => [...document.querySelectorAll('.field__check')].map((p) => ({
  box: p.querySelector('input').getBoundingClientRect().width,
  label: p.querySelector('label').getBoundingClientRect().left}))"""


def check_consent_checkboxes(page, url):
    """Each box keeps its 1.3rem; the three scope labels start on one line."""
    page.goto(url)
    checks = page.evaluate(CHECKBOX_BOXES)
    assert len(checks) == 4
    assert all(check["box"] >= 20 for check in checks), checks
    assert len({round(check["label"]) for check in checks[:3]}) == 1, checks


def check_autosave_refused(page, testimony, url):
    """The testimony is sent after the page was opened: typing gets a truthful status."""
    page.goto(url)
    testimony.status = "submitted"
    testimony.save()
    page.locator("textarea").first.fill("Tapé après l'envoi.")
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.startsWith('Non enregistré')"
    )
    status = page.locator(".autosave-status").inner_text()
    assert "envoyé à l'équipe éditoriale" in status
    assert "Hors connexion" not in status
    assert page.locator("textarea").first.input_value() == "Tapé après l'envoi."


def check_autosave_after_the_session_ended(page, testimony, url, session_key):
    """The ambassador left the page open for hours: typing says the session ended."""
    testimony.status = "draft"
    testimony.save()
    page.goto(url)
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    session[SEEN_KEY] = time.time() - settings.RELAIS_CONTRIBUTOR_SESSION_IDLE_SECONDS - 1
    session.save()
    page.locator("textarea").first.fill("Tapé après une longue pause.")
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.startsWith('Non enregistré')"
    )
    assert "votre session a pris fin" in page.locator(".autosave-status").inner_text()
    assert page.locator("textarea").first.input_value() == "Tapé après une longue pause."


@pytest.mark.django_db(transaction=True)
def test_checkboxes_fit_and_autosave_tells_why_it_did_not_save(
    live_server, client, stages, monkeypatch
):
    """One test on purpose: a transactional test empties the database when it ends."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    from playwright.sync_api import sync_playwright

    question = stages[0].questions.first()
    testimony = AnswerFactory(question=question, testimony__title="Mon premier comptoir").testimony
    client.force_login(testimony.owner)
    base = f"{live_server.url}/contribuer/temoignages/{testimony.pk}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
        cookie = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])
        page = context.new_page()
        check_consent_checkboxes(page, f"{base}envoyer/")
        check_autosave_refused(page, testimony, f"{base}etapes/{stages[0].slug}/")
        check_autosave_after_the_session_ended(
            page, testimony, f"{base}etapes/{stages[0].slug}/", cookie
        )
        browser.close()
