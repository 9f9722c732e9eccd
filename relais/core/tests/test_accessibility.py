"""axe-core (WCAG 2.1 A and AA) in headless Chromium finds no violation; pages fit 360 px."""

import os
import shutil
from pathlib import Path

import axe_playwright_python
import pytest

from relais.collect.models import Answer, TestimonyAudio
from relais.journey.models import Ambassador, LaureateProject, Stage
from relais.stories.models import StoryPage

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A synthetic microphone, so that the in-browser recorder can be exercised headless.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
AXE_RUN = """async (tags) => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return {passes: result.passes.length, violations: result.violations.map((v) => ({
    id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))};
}"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
        reason="Chromium is not installed (make system-deps installs it)",
    ),
]


def pages_to_check():
    """The pages named by the issue, plus every other kind of public page."""
    audio_story = StoryPage.objects.live().filter(has_audio=True).first()
    stage = Stage.objects.get(slug="comptoir")
    return [
        "/",
        "/histoires/",
        f"/histoires/?etape={stage.slug}&theme=culture",
        audio_story.url,
        LaureateProject.objects.first().get_absolute_url(),
        Ambassador.objects.filter(public_profile=True).first().get_absolute_url(),
        "/ambassadeurs/",
        stage.get_absolute_url(),
        "/a-propos/",
        "/accessibilite/",
    ]


def contributor_pages(client):
    """Sign in the demo ambassador; return the session cookie and the contributor pages."""
    from relais.collect.demo import load_demo_ambassador

    user = load_demo_ambassador()
    testimony = user.testimonies.get()
    client.force_login(user)
    base = f"/contribuer/temoignages/{testimony.pk}/"
    pages = [
        "/contribuer/",
        base,
        f"{base}etapes/idee/",
        f"{base}envoyer/",
        f"{base}retirer/",
        "/contribuer/mes-donnees/",
    ]
    return client.cookies["sessionid"].value, pages


@pytest.mark.django_db(transaction=True)
def test_axe_finds_no_violation_and_pages_fit_a_phone(live_server, client, monkeypatch):
    """One test on purpose: a transactional test empties the database when it ends."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    from playwright.sync_api import sync_playwright

    urls = pages_to_check() + ["/contribuer/connexion/", "/contribuer/connexion/mot-de-passe/"]
    session, private_urls = contributor_pages(client)
    problems = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
        page = context.new_page()
        for url in urls + private_urls:
            if url == private_urls[0]:
                context.add_cookies(
                    [{"name": "sessionid", "value": session, "url": live_server.url}]
                )
            page.goto(live_server.url + url)
            assert page.locator("h1").count() == 1, url
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            page.add_script_tag(path=str(AXE_JS))
            result = page.evaluate(AXE_RUN, WCAG_TAGS)
            assert result["passes"] > 10, f"axe-core did not run on {url}"
            if result["violations"] or overflow > 0:
                problems[url] = {"violations": result["violations"], "overflow_px": overflow}
        check_recorder_uploads(page, context, live_server.url + private_urls[1])
        typed_offline = check_autosave_survives_offline(
            page, context, live_server.url + urls_stage(private_urls)
        )
        browser.close()
    assert problems == {}
    assert Answer.objects.filter(text=typed_offline).exists()
    assert TestimonyAudio.objects.filter(
        display_name="enregistrement.webm", status="ready"
    ).exists()


def check_recorder_uploads(page, context, testimony_url):
    """Record with pause and resume in the browser; the recording is sent and processed."""
    context.grant_permissions(["microphone"])
    page.goto(testimony_url)
    recorder = page.locator("[data-recorder]")
    assert recorder.is_visible()
    recorder.get_by_role("button", name="Commencer l'enregistrement").click()
    page.wait_for_timeout(1200)
    assert "cours" in recorder.locator(".recorder__status").inner_text()
    recorder.get_by_role("button", name="Pause").click()
    recorder.get_by_role("button", name="Reprendre").click()
    page.wait_for_timeout(1200)
    with page.expect_navigation(timeout=60_000):
        recorder.get_by_role("button", name="Arrêter et envoyer").click()


def urls_stage(private_urls):
    return next(url for url in private_urls if "/etapes/" in url)


def check_autosave_survives_offline(page, context, stage_url):
    """Type while offline: the text stays and is saved once the connection is back."""
    text = "Écrit pendant une coupure de réseau."
    page.goto(stage_url)
    context.set_offline(True)
    page.locator("textarea").last.fill(text)
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.includes('Hors connexion')"
    )
    assert page.locator("textarea").last.input_value() == text
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.includes('Enregistré')"
    )
    return text
