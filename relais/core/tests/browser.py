"""Headless Chromium and axe-core shared by the browser tests of every app."""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import axe_playwright_python
import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
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

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return {passes: result.passes.length, violations: result.violations.map((v) => ({
    id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))};
}"""
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
    reason="Chromium is not installed (make test-deps installs it)",
)


@contextmanager
def headless_chromium():
    """Yield a headless Chromium driven by Playwright's sync API."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


def page_problems(page, url):
    """Open url; return what it sent and its problems: axe violations, overflow, h1 count."""
    response = page.goto(url)
    served = response.text()  # what the server sent, before any script ran
    headings = page.locator("h1").count()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert result["passes"] > 10, f"axe-core did not run on {url}"
    problems = {}
    if result["violations"]:
        problems["violations"] = result["violations"]
    if overflow > 0:
        problems["overflow_px"] = overflow
    if headings != 1:
        problems["h1_count"] = headings
    return served, problems
