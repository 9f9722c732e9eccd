"""Signing in: one-time links that expire, throttled passwords, no admin for ambassadors."""

import re
import time
from types import SimpleNamespace

import pytest
from sesame import tokens_v2

from django.core import mail
from django.urls import reverse

from relais.collect import accounts


def link_path():
    link = re.search(r"http://\S+", mail.outbox[-1].body).group(0)
    return link.replace("http://127.0.0.1:8000", "")


@pytest.mark.django_db
def test_sign_in_link_works_once(client, ambassador_a):
    client.post(reverse("collect:login"), {"email": "A@example.org"})
    assert mail.outbox[-1].to == ["a@example.org"]
    path = link_path()
    assert client.get(path).status_code == 302
    assert client.get(reverse("collect:dashboard")).status_code == 200
    client.logout()
    reused = client.get(path)
    assert reused.status_code == 403
    assert "ne peut plus être utilisé" in reused.content.decode()


@pytest.fixture
def link_clock(monkeypatch):
    """Move django-sesame's clock by hand: a link ages without the test sleeping."""
    now = [time.time()]
    monkeypatch.setattr(tokens_v2, "time", SimpleNamespace(time=lambda: now[0]))

    def advance(seconds):
        now[0] += seconds

    return advance


@pytest.mark.django_db
def test_sign_in_link_still_works_a_second_before_it_expires(client, ambassador_a, link_clock):
    """The link works for the 24 hours that the e-mail and the expiry page promise."""
    client.post(reverse("collect:login"), {"email": "a@example.org"})
    link_clock(24 * 3600 - 1)
    assert client.get(link_path()).status_code == 302
    assert client.session["_auth_user_id"] == str(ambassador_a.pk)


@pytest.mark.django_db
def test_sign_in_link_expires(client, ambassador_a, link_clock):
    """After 24 hours the link is refused with the page that offers a new one."""
    client.post(reverse("collect:login"), {"email": "a@example.org"})
    link_clock(24 * 3600)
    response = client.get(link_path())
    assert response.status_code == 403
    assert "ne peut plus être utilisé" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post(reverse("collect:login"), {"email": "inconnu@example.org"})
    assert response.status_code == 200 and "inconnu@example.org" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.django_db
def test_sign_in_links_are_not_sent_endlessly(client, ambassador_a):
    for _ in range(8):
        response = client.post(reverse("collect:login"), {"email": "a@example.org"})
        assert response.status_code == 200
    assert len(mail.outbox) == 5


@pytest.mark.django_db
def test_the_link_page_states_the_hourly_limit_and_the_other_ways_in(client, monkeypatch):
    """The limit shown is the throttle's own; the page reveals nothing about the account."""
    monkeypatch.setattr(accounts, "MAX_LINKS_PER_HOUR", 3)
    html = client.post(reverse("collect:login"), {"email": "inconnu@example.org"}).content
    html = html.decode()
    assert "au plus 3 e-mails par heure à une même adresse" in html
    assert f'href="{reverse("collect:password_login")}"' in html
    assert f'href="{reverse("collect:password_reset")}"' in html


@pytest.mark.django_db
def test_the_password_reset_page_states_the_same_limit(client, monkeypatch):
    """The page reads the throttle's limit: changing the limit changes the sentence."""
    monkeypatch.setattr(accounts, "MAX_LINKS_PER_HOUR", 3)
    html = client.get(reverse("collect:password_reset_sent")).content.decode()
    assert "au plus 3 e-mails par heure" in html


@pytest.mark.django_db
@pytest.mark.parametrize(("max_age", "said"), [(24 * 3600, "24 heures"), (2 * 3600, "2 heures")])
def test_pages_and_email_state_the_link_lifetime_of_the_settings(
    client, ambassador_a, settings, max_age, said
):
    """The sign-in pages and the email tell the lifetime SESAME_MAX_AGE really gives."""
    settings.SESAME_MAX_AGE = max_age
    assert f"valable {said}" in client.get(reverse("collect:login")).content.decode()
    sent = client.post(reverse("collect:login"), {"email": "a@example.org"}, follow=True)
    assert f"valable {said}" in sent.content.decode()
    assert f"valable {said}," in mail.outbox[-1].body
