"""Password sign-in lockout: per account and address, with a ceiling per address."""

import time
from types import SimpleNamespace

import pytest

from django.core.cache.backends import base as cache_base
from django.core.cache.backends import locmem
from django.urls import reverse

from relais.core import sign_in_lockout as lockout

GOOD = "motdepasse-solide-42"
LOCKED = "Trop de tentatives"


@pytest.fixture
def clock(monkeypatch):
    """Move the in-memory cache's clock by hand: counters expire without sleeping."""
    now = [time.time()]
    fake = SimpleNamespace(time=lambda: now[0])
    monkeypatch.setattr(locmem, "time", fake)
    monkeypatch.setattr(cache_base, "time", fake)

    def advance(seconds):
        now[0] += seconds

    return advance


def sign_in(client, username, password, address):
    return client.post(
        reverse("collect:password_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_failures_from_one_address_lock_that_address_out(client, ambassador_a):
    """After 10 failures from an address, even the right password is refused from there."""
    for _ in range(lockout.MAX_FAILED_SIGN_INS):
        sign_in(client, "a@example.org", "mauvais", "203.0.113.7")
    response = sign_in(client, "a@example.org", GOOD, "203.0.113.7")
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_attacker_elsewhere_does_not_lock_the_owner_out(client, ambassador_a):
    """Ten failures from address A leave the owner free to sign in from address B."""
    for _ in range(lockout.MAX_FAILED_SIGN_INS):
        sign_in(client, "a@example.org", "mauvais", "203.0.113.7")
    response = sign_in(client, "a@example.org", GOOD, "198.51.100.4")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ambassador_a.pk)


@pytest.mark.django_db
def test_one_address_trying_many_accounts_hits_its_ceiling(client, ambassador_a):
    """An address that fails on many accounts, never ten on one, is stopped for all."""
    ceiling = lockout.MAX_FAILED_SIGN_INS_PER_ADDRESS
    for number in range(ceiling):
        sign_in(client, f"inconnu{number}@example.org", "mauvais", "203.0.113.7")
    response = sign_in(client, "a@example.org", GOOD, "203.0.113.7")
    assert LOCKED in response.content.decode()
    assert sign_in(client, "a@example.org", GOOD, "198.51.100.4").status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_after_fifteen_minutes(client, ambassador_a, clock):
    for _ in range(lockout.MAX_FAILED_SIGN_INS):
        sign_in(client, "a@example.org", "mauvais", "203.0.113.7")
    clock(lockout.LOCK_SECONDS - 5)
    assert LOCKED in sign_in(client, "a@example.org", GOOD, "203.0.113.7").content.decode()
    clock(10)
    assert sign_in(client, "a@example.org", GOOD, "203.0.113.7").status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_client_address_counts(client, ambassador_a, settings):
    """Behind one trusted proxy, clients are told apart by the address it forwards, and an
    address typed by the client in the header changes nothing."""
    settings.RELAIS_TRUSTED_PROXY_COUNT = 1
    for number in range(lockout.MAX_FAILED_SIGN_INS):
        client.post(
            reverse("collect:password_login"),
            {"username": "a@example.org", "password": "mauvais"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, 203.0.113.7",
        )
    proxied = {"REMOTE_ADDR": "127.0.0.1"}
    data = {"username": "a@example.org", "password": GOOD}
    url = reverse("collect:password_login")
    refused = client.post(url, data, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxied)
    assert LOCKED in refused.content.decode()
    accepted = client.post(url, data, HTTP_X_FORWARDED_FOR="198.51.100.4", **proxied)
    assert accepted.status_code == 302
