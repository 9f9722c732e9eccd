"""The admin's password form locks out like the contributor's: per account and address."""

from html import unescape

import pytest

from django.urls import reverse

from relais.core import sign_in_lockout

LOCKED = "Trop de tentatives échouées : attendez 15 minutes"


def sign_in(client, username, password, address):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_out_from_that_address(client, editor, password):
    for _ in range(sign_in_lockout.MAX_FAILED_SIGN_INS):
        refused = sign_in(client, editor.username, "mauvais", "203.0.113.7")
        assert refused.status_code == 200 and LOCKED not in unescape(refused.text)
    locked = sign_in(client, editor.username, password, "203.0.113.7")
    assert locked.status_code == 200
    assert LOCKED in unescape(locked.text)
    assert "_auth_user_id" not in client.session
    elsewhere = sign_in(client, editor.username, password, "198.51.100.4")
    assert elsewhere.status_code == 302
