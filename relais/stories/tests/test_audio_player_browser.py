"""In Chromium at 360 px, a story's audio player is visible, reachable with the keyboard, and
its chapter links move playback to the chapter's first second (media served with ranges)."""

import contextlib
import os
from pathlib import Path

import pytest

from relais.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from relais.media.tests.samples import ENCODINGS, tone
from relais.stories.models import StoryIndexPage
from relais.stories.tests.factories import AudioCapsuleFactory, StoryPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
        reason="Chromium is not installed (make test-deps installs it)",
    ),
]

VIEWPORT = {"width": 360, "height": 740}
# A seek lands on the chapter's second; playback may then run on a little before we read it.
TOLERANCE_SECONDS = 1.5
SEEK_WAIT_MS = 4000


@pytest.fixture
def media_through_urls(monkeypatch):
    """Let the live server answer /media/ through config/urls.py, as `make demo` does.

    Django's LiveServerThread otherwise serves media itself with django.views.static.serve,
    which ignores byte ranges.
    """
    from django.test.testcases import _MediaFilesHandler

    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)


def audio_story_and_chapters(folder):
    """Return the URL of a story playing 40 seconds of sound in three chapters, and them."""
    sound = tone(folder, "mp3", ENCODINGS["mp3"], seconds=40)
    capsule = AudioCapsuleFactory(
        audio=sound, chapters=[("0:00", "Début"), ("0:15", "Milieu"), ("0:30", "Fin")]
    )
    story = StoryPageFactory(
        parent=StoryIndexPage.objects.get(), body=[("audio", {"capsule": capsule})]
    )
    return story.url, list(capsule.chapters.all())


def open_story(playwright, url):
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.goto(url)
    return browser, page


def tab_until(page, selector, max_presses=80):
    """Press Tab until the element matching selector has focus; return the presses needed."""
    for presses in range(1, max_presses + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector('{selector}')"):
            return presses
    return None


def played_position_after(page, player_selector, start):
    """Wait until the player has sought near start; return where it is, paused.

    A seek takes well under a second here; the short wait also keeps a player that failed
    to seek and plays on from 0 from reaching a later chapter's second by itself.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            f"""() => {{ const p = document.querySelector('{player_selector}');
            return !p.seeking && p.readyState > 0 && p.currentTime >= {start} - 0.25
              && p.currentTime <= {start} + {TOLERANCE_SECONDS}; }}""",
            timeout=SEEK_WAIT_MS,
        )
    return page.evaluate(
        f"() => {{ const p = document.querySelector('{player_selector}'); p.pause(); "
        "return p.currentTime; }"
    )


@pytest.mark.django_db(transaction=True)
def test_player_is_visible_focusable_and_chapters_seek(
    live_server, media_through_urls, monkeypatch, tmp_path
):
    """One test on purpose: a transactional test empties the database when it ends."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    from playwright.sync_api import sync_playwright

    path, chapters = audio_story_and_chapters(tmp_path)
    player = "audio.capsule__player"
    with sync_playwright() as playwright:
        browser, page = open_story(playwright, live_server.url + path)
        box = page.locator(player).bounding_box()
        assert box["height"] >= 32, box  # Chromium drew it 0 px high with "height: auto"
        assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"], box
        assert tab_until(page, player) is not None, "the player cannot be reached with Tab"

        # Keyboard: Enter on a chapter link seeks, and focus stays on the link.
        second = page.locator(f"a[data-start='{chapters[1].start_seconds}']")
        second.focus()
        page.keyboard.press("Enter")
        position = played_position_after(page, player, chapters[1].start_seconds)
        assert abs(position - chapters[1].start_seconds) <= TOLERANCE_SECONDS, position
        assert page.evaluate("document.activeElement.dataset.start") == str(
            chapters[1].start_seconds
        )
        assert second.get_attribute("aria-current") == "true"

        # Mouse: a later chapter, then back to the first one.
        for chapter in (chapters[-1], chapters[0]):
            page.locator(f"a[data-start='{chapter.start_seconds}']").click()
            position = played_position_after(page, player, chapter.start_seconds)
            assert abs(position - chapter.start_seconds) <= TOLERANCE_SECONDS, (chapter, position)
        browser.close()
