"""An ambassador invited by email may choose a password, sign in with it, and reset it."""

import re

import pytest

from django.conf import settings
from django.core import mail
from django.urls import reverse

from relais.collect import accounts

NEW_PASSWORD = "un-jardin-partage-2024"
RESET_LINK = re.compile(r"(https?://\S+)(/contribuer/connexion/mot-de-passe/nouveau/\S+/)")


@pytest.fixture
def invited(db):
    """An ambassador as an editor's invitation leaves them: no password, only links."""
    user = accounts.invite_ambassador("invitee@example.org", "Inès")
    mail.outbox.clear()
    return user


def sign_in_with_password(client, email, password):
    client.logout()
    return client.post(reverse("collect:password_login"), {"username": email, "password": password})


@pytest.mark.django_db
def test_an_invited_ambassador_chooses_a_password_then_signs_in_with_it(client, invited):
    assert not invited.has_usable_password()
    client.force_login(invited)
    url = reverse("collect:password_change")
    assert f'href="{url}"' in client.get(reverse("collect:dashboard")).content.decode()
    html = client.get(url).content.decode()
    assert "<h1>Choisir un mot de passe</h1>" in html
    assert 'name="old_password"' not in html  # they never had one
    response = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert "Votre mot de passe est enregistré" in client.get(response["Location"]).content.decode()
    response = sign_in_with_password(client, "invitee@example.org", NEW_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("collect:dashboard")
    assert client.get(reverse("collect:dashboard")).status_code == 200


@pytest.mark.django_db
def test_a_weak_password_is_refused_in_french(client, invited):
    client.force_login(invited)
    url = reverse("collect:password_change")
    response = client.post(url, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    assert "Ce mot de passe est trop court" in response.content.decode()
    invited.refresh_from_db()
    assert not invited.has_usable_password()


@pytest.mark.django_db
def test_changing_an_existing_password_asks_for_the_current_one(client, ambassador_a):
    client.force_login(ambassador_a)
    url = reverse("collect:password_change")
    html = client.get(url).content.decode()
    assert "<h1>Changer mon mot de passe</h1>" in html
    assert 'name="old_password"' in html
    data = {"old_password": "pas-le-bon", "new_password1": NEW_PASSWORD}
    response = client.post(url, {**data, "new_password2": NEW_PASSWORD})
    assert response.status_code == 200
    assert sign_in_with_password(client, "a@example.org", NEW_PASSWORD).status_code == 200


@pytest.mark.django_db
def test_the_password_page_needs_a_signed_in_user(client):
    response = client.get(reverse("collect:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("collect:login"))


@pytest.mark.django_db
def test_a_forgotten_password_is_reset_with_the_emailed_link(client, ambassador_a):
    login_page = client.get(reverse("collect:password_login")).content.decode()
    assert f'href="{reverse("collect:password_reset")}"' in login_page
    assert "Adresse e-mail" in login_page or "adresse e-mail" in login_page
    response = client.post(reverse("collect:password_reset"), {"email": "A@example.org"})
    assert response["Location"] == reverse("collect:password_reset_sent")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["a@example.org"]
    assert email.subject == "Relais : choisissez un nouveau mot de passe"
    base_url, path = RESET_LINK.search(email.body).groups()
    assert base_url == settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    response = client.get(path)  # Django swaps the token for a session and redirects
    assert response.status_code == 302
    form_page = client.get(response["Location"])
    assert "<h1>Choisir un nouveau mot de passe</h1>" in form_page.content.decode()
    response = client.post(
        response["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("collect:password_reset_complete")
    assert sign_in_with_password(client, "a@example.org", NEW_PASSWORD).status_code == 302
    assert "ne fonctionne plus" in client.get(path, follow=True).content.decode()  # used once


@pytest.mark.django_db
def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client):
    response = client.post(reverse("collect:password_reset"), {"email": "inconnu@example.org"})
    assert response["Location"] == reverse("collect:password_reset_sent")
    assert mail.outbox == []


@pytest.mark.django_db
def test_reset_emails_share_the_hourly_limit_of_sign_in_links(client, ambassador_a):
    for _ in range(accounts.MAX_LINKS_PER_HOUR + 3):
        client.post(reverse("collect:password_reset"), {"email": "a@example.org"})
    assert len(mail.outbox) == accounts.MAX_LINKS_PER_HOUR


@pytest.mark.django_db
@pytest.mark.parametrize("with_old_password", [False, True])
def test_a_weak_password_error_sits_under_the_new_password(client, invited, with_old_password):
    """The error is shown and announced with the field where the password is chosen."""
    data = {"new_password1": "123", "new_password2": "123"}
    if with_old_password:
        invited.set_password(NEW_PASSWORD)
        invited.save()
        data["old_password"] = NEW_PASSWORD
    client.force_login(invited)
    html = client.post(reverse("collect:password_change"), data).content.decode()
    errors = re.search(r'<div id="id_new_password1_error">(.*?)</div>', html, re.S)
    assert errors and "Ce mot de passe est trop court" in errors.group(1)
    assert 'aria-describedby="id_new_password1_helptext id_new_password1_error"' in html
    assert 'id="id_new_password2_error"' not in html
