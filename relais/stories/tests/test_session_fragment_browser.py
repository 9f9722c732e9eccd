"""In Chromium, with the site's Content-Security-Policy, the page everybody gets shows a
signed-in ambassador the link to their space and an editor Wagtail's user bar; a visitor's
browser does not even ask for them."""

import os
from pathlib import Path

import pytest

from relais.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from relais.core.tests.factories import UserFactory
from relais.stories.models import StoryIndexPage
from relais.stories.tests.factories import StoryPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
        reason="Chromium is not installed (make test-deps installs it)",
    ),
]


@pytest.fixture
def window(live_server, monkeypatch):
    """A phone-sized window on the live server; the CSP applies, as for visitors."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 360, "height": 740})
        yield context, context.new_page()
        browser.close()


def sign_in(client, context, live_server, groups):
    """Sign a new account in, in the window, as a sign-in form leaves it (with a CSRF cookie)."""
    client.force_login(UserFactory(groups=groups))
    session = client.cookies["sessionid"].value
    context.add_cookies(
        [
            {"name": "sessionid", "value": session, "url": live_server.url},
            {"name": "csrftoken", "value": "x" * 32, "url": live_server.url},
        ]
    )


@pytest.fixture
def story_url(db):
    return StoryPageFactory(parent=StoryIndexPage.objects.get()).url


@pytest.mark.django_db(transaction=True)
def test_a_signed_in_ambassador_sees_the_link_to_their_space(
    live_server, client, window, story_url
):
    context, page = window
    sign_in(client, context, live_server, ["Ambassadeurs"])
    page.goto(live_server.url + story_url)
    link = page.locator('#session-bar a[href="/contribuer/"]')
    link.wait_for(state="visible", timeout=10000)
    assert link.inner_text() == "Mon espace"


@pytest.mark.django_db(transaction=True)
def test_an_editor_gets_the_wagtail_user_bar_despite_the_csp(
    live_server, client, window, story_url
):
    context, page = window
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    sign_in(client, context, live_server, ["Editors"])
    page.goto(live_server.url + story_url)
    trigger = page.locator("wagtail-userbar").locator("[data-wagtail-userbar-trigger]")
    trigger.wait_for(state="visible", timeout=10000)
    assert page.locator('#session-bar a[href="/admin/"]').is_visible()
    assert [text for text in messages if "Content Security Policy" in text] == []


@pytest.mark.django_db(transaction=True)
def test_a_visitor_browser_does_not_ask_for_the_session_fragment(live_server, window, story_url):
    context, page = window
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(live_server.url + story_url, wait_until="networkidle")
    assert not [url for url in asked if "/session/" in url]
    assert page.locator("#session-bar").is_hidden()
