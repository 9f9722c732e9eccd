"""Sessions end after a while without any request: for staff, 30 minutes by default."""

from html import unescape
from types import SimpleNamespace

import pytest

from django.conf import settings
from django.contrib.auth import SESSION_KEY

from relais.core import sessions
from relais.staff.tests.factories import sign_in_with_second_factor


@pytest.fixture
def clock(monkeypatch):
    """Move the idle-session middleware's clock by hand."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(sessions, "time", SimpleNamespace(time=lambda: now[0]))

    def advance(seconds):
        now[0] += seconds

    return advance


@pytest.mark.django_db
def test_an_idle_staff_session_ends_and_the_admin_asks_to_sign_in_again(client, editor, clock):
    sign_in_with_second_factor(client, editor)
    assert client.get("/admin/").status_code == 200
    clock(settings.RELAIS_STAFF_SESSION_IDLE_SECONDS - 60)
    assert client.get("/admin/").status_code == 200, "any request keeps the session going"
    clock(settings.RELAIS_STAFF_SESSION_IDLE_SECONDS + 1)
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[0][0].startswith("/admin/login/")
    assert "Votre session a pris fin après une période d'inactivité" in unescape(response.text)
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_the_limit_is_a_setting(client, editor, clock, settings):
    settings.RELAIS_STAFF_SESSION_IDLE_SECONDS = 300
    sign_in_with_second_factor(client, editor)
    assert client.get("/admin/").status_code == 200
    clock(301)
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_session_is_written_at_most_once_a_minute(client, editor, clock):
    """Keeping a session alive costs no database write on every request."""
    sign_in_with_second_factor(client, editor)
    first = client.get("/admin/")
    assert "sessionid" in first.cookies  # the first request stamps the session
    clock(20)
    assert "sessionid" not in client.get("/admin/").cookies
    clock(sessions.STAMP_EVERY_SECONDS)
    assert "sessionid" in client.get("/admin/").cookies
