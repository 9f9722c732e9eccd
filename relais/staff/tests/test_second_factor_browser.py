"""In Chromium at 360 px: a first admin sign-in types the password, sets up an app from the
page's key, notes the recovery codes and reaches the dashboard; the pages pass axe-core and
fit the phone."""

import os
from pathlib import Path

import axe_playwright_python
import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from relais.core.tests.browser import CHROMIUM, CHROMIUM_ARGS
from relais.core.tests.factories import PASSWORD
from relais.staff.tests.factories import current_code

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
AXE_RUN = """async () => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return {passes: result.passes.length, violations: result.violations.map((v) => ({
    id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))};
}"""
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
        reason="Chromium is not installed (make test-deps installs it)",
    ),
]


def problems(page):
    """axe-core violations and sideways scrolling of the page shown."""
    found = {"overflow_px": page.evaluate(OVERFLOW)}
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN)
    assert result["passes"] > 5, "axe-core did not run"
    found["violations"] = result["violations"]
    return {name: value for name, value in found.items() if value}


@pytest.mark.django_db(transaction=True)
def test_first_admin_sign_in_on_a_phone(live_server, editor, monkeypatch):
    """One test on purpose: a transactional test empties the database when it ends."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/pages/")
        page.locator("input[name=username]").fill(editor.username)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator(".login-form button[type=submit]").click()
        page.wait_for_url("**/double-authentification/activer/**")
        shown = {"enrol": problems(page)}
        assert page.locator("main").count() == 1  # the icons are no copy of this page
        device = TOTPDevice.objects.get(user=editor, confirmed=False)
        page.get_by_label("Code à six chiffres affiché par votre application").fill(
            current_code(device)
        )
        page.get_by_role("button", name="Activer la double authentification").click()
        page.wait_for_url("**/codes-de-secours/**")
        assert page.locator(".staff-2fa__codes li").count() == 10
        shown["recovery codes"] = problems(page)
        page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
        page.wait_for_url("**/admin/pages/")
        browser.close()
    assert shown == {"enrol": {}, "recovery codes": {}}
