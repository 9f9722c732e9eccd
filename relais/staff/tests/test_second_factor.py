"""The admin asks staff for a second factor after their password: an app's code, or a
recovery code; until then every admin page leads to that step."""

import re
from base64 import b32encode
from datetime import timedelta
from html import unescape

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from relais.staff.tests.factories import (
    AppDeviceFactory,
    RecoverySheetFactory,
    current_code,
    sign_in_with_second_factor,
)

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/images/", "/admin/users/", "/admin/reports/"]
ENROL = reverse("staff_2fa:enrol")
VERIFY = reverse("staff_2fa:verify")


def type_password(client, username, password, next_url="/admin/pages/"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": next_url},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_with_a_password_only_admin_pages_lead_to_setting_up_an_app(client, editor, url):
    """In the test settings too: an editor signed in with a password only sees no admin page."""
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next={url.replace('/', '%2F')}"


@pytest.mark.django_db
def test_with_an_app_already_set_up_the_admin_asks_for_its_code(client, editor):
    AppDeviceFactory(user=editor)
    client.force_login(editor)
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain == [(f"{VERIFY}?next=%2Fadmin%2Fpages%2F", 302)]
    html = response.text
    assert "Code de vérification" in html
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html


@pytest.mark.django_db
def test_password_then_app_code_then_recovery_codes_open_the_admin(client, editor, password):
    """The whole first sign-in: QR code and key, a code from the app, ten recovery codes."""
    response = type_password(client, editor.username, password)
    enrol_page = client.get(response["Location"], follow=True)
    html = enrol_page.text
    assert enrol_page.request["PATH_INFO"] == ENROL
    assert '<svg class="staff-qr" role="img"' in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert shown_key(html) == device_key(device)

    response = client.post(ENROL, {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.text)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert client.get("/admin/pages/").status_code == 200
    again = client.get(reverse("staff_2fa:recovery_codes"))
    assert again.status_code == 302, "the recovery codes are shown once only"


def shown_key(html):
    return re.search(r'<code class="staff-2fa__secret">([A-Z2-7 ]+)</code>', html)[1]


def device_key(device):
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@pytest.mark.django_db
def test_a_wrong_code_at_set_up_is_refused_in_french_and_nothing_is_confirmed(client, editor):
    client.force_login(editor)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(current_code(device)) + 500_000) % 1_000_000:06d}"
    response = client.post(ENROL, {"code": wrong})
    assert response.status_code == 400
    assert "Ce code n'est pas valide" in unescape(response.text)
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_wrong_app_code_is_refused_then_throttled(client, editor):
    """After a wrong code, even the right one must wait: django-otp doubles the delay."""
    device = AppDeviceFactory(user=editor)
    client.force_login(editor)
    wrong = f"{(int(current_code(device)) + 500_000) % 1_000_000:06d}"
    refused = client.post(VERIFY, {"code": wrong})
    assert "Ce code n'est pas valide" in unescape(refused.text)
    waiting = client.post(VERIFY, {"code": current_code(device)})
    assert waiting.status_code == 400
    assert "Trop de codes erronés : attendez 1 seconde" in unescape(waiting.text)
    two_seconds_ago = timezone.now() - timedelta(seconds=2)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=two_seconds_ago)
    assert client.post(VERIFY, {"code": current_code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_opens_the_admin_once_only(client, editor):
    AppDeviceFactory(user=editor)
    RecoverySheetFactory(user=editor, codes=["abcd2345", "efgh6723"])
    client.force_login(editor)
    response = client.post(VERIFY, {"recovery_code": " ABCD-2345 ", "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    page = client.get("/admin/pages/")
    assert "il vous en reste 1" in unescape(page.text)

    client.logout()
    client.force_login(editor)
    again = client.post(VERIFY, {"recovery_code": "abcd2345"})
    assert again.status_code == 400
    assert "Ce code n'est pas valide" in unescape(again.text)
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_next_page_must_be_on_this_site(client, editor):
    device = AppDeviceFactory(user=editor)
    client.force_login(editor)
    response = client.post(
        VERIFY, {"code": current_code(device), "next": "https://ailleurs.example/admin/"}
    )
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_signing_in_again_asks_for_a_code_again(client, editor):
    """The second factor belongs to the session: a new sign-in needs a new code."""
    sign_in_with_second_factor(client, editor)
    assert client.get("/admin/").status_code == 200
    client.post(reverse("wagtailadmin_logout"))
    client.force_login(editor)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


@pytest.mark.django_db
def test_a_code_gives_the_session_a_new_key(client, editor):
    device = AppDeviceFactory(user=editor)
    client.force_login(editor)
    before = client.cookies["sessionid"].value
    client.post(VERIFY, {"code": current_code(device)})
    assert client.cookies["sessionid"].value != before
    assert client.session[SESSION_KEY] == str(editor.pk)


@pytest.mark.django_db
def test_the_set_up_page_asks_nothing_of_other_hosts(client, editor):
    """The QR code is drawn in the page (SVG): no image service sees the secret."""
    client.force_login(editor)
    html = client.get(ENROL).text
    assert not re.findall(r'src="(?:https?:)?//', html)  # scripts, images, frames
    assert not re.findall(r'<link[^>]+href="(?:https?:)?//', html)  # style sheets
    assert "<img" not in html and '<svg class="staff-qr"' in html
