"""The portrait's advice section and the question form pass axe-core at 360 and 1280 px."""

import pytest

from django.core import mail

from relais.core.tests.browser import (
    AXE_JS,
    AXE_RUN,
    DESKTOP,
    PHONE,
    WCAG_TAGS,
    headless_chromium,
    needs_chromium,
    page_problems,
)

from .factories import AskableAmbassadorFactory

pytestmark = [pytest.mark.browser, needs_chromium]


def shown_problems(page):
    """Return the axe violations and overflow of the page as it is now (after a post)."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(AXE_RUN, WCAG_TAGS)
    assert result["passes"] > 10, "axe-core did not run"
    problems = {"violations": result["violations"]} if result["violations"] else {}
    if overflow > 0:
        problems["overflow_px"] = overflow
    return problems


@pytest.mark.django_db(transaction=True)
def test_portrait_form_errors_and_confirmation_pass_axe_at_360_and_1280_px(live_server):
    ambassador = AskableAmbassadorFactory(
        display_name="Nadia Essai-Longuenom", slug="nadia", with_photo=True
    )
    form_url = "/ambassadeurs/nadia/question/"
    problems = {}
    with headless_chromium() as chromium:
        for name, viewport in (("360", PHONE), ("1280", DESKTOP)):
            context = chromium.new_context(
                viewport=viewport, bypass_csp=True, base_url=live_server.url
            )
            page = context.new_page()
            served, problems[f"{name} portrait"] = page_problems(page, "/ambassadeurs/nadia/")
            assert f'href="{form_url}"' in served
            problems[f"{name} form"] = page_problems(page, form_url)[1]
            assert page.locator("#id_website").is_hidden()  # the robots' trap, not people's
            page.fill("#id_message", "<b>Bonjour</b> <script>alert(1)</script>")
            page.click("main button[type=submit]")  # no address, no consent
            assert page.locator("#errors li").count() == 2
            assert page.locator("#id_message").input_value().startswith("<b>Bonjour</b>")
            problems[f"{name} form with errors"] = shown_problems(page)
            page.fill("#id_email", "lea@example.net")
            page.fill("#id_message", "Bonjour, une question courte.")
            page.check("#id_consent")
            page.click("main button[type=submit]")
            assert page.url.endswith(f"{form_url}envoyee/")
            problems[f"{name} confirmation"] = shown_problems(page)
            assert ambassador.contact_email not in page.content()
            context.close()
    assert len(mail.outbox) == 2
    assert {where: found for where, found in problems.items() if found} == {}
