"""Signing in: one-time links that expire, throttled passwords, no admin for ambassadors."""

import re
import time

import pytest

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


@pytest.mark.django_db
def test_sign_in_link_expires(client, ambassador_a, settings):
    settings.SESAME_MAX_AGE = 1
    client.post(reverse("collect:login"), {"email": "a@example.org"})
    time.sleep(2.1)
    assert client.get(link_path()).status_code == 403


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
def test_the_password_reset_page_states_the_same_limit(client):
    html = client.get(reverse("collect:password_reset_sent")).content.decode()
    assert f"au plus {accounts.MAX_LINKS_PER_HOUR} e-mails par heure" in html
