"""A lost phone: the reset (a server command, or an administrator in the users list) deletes
the app and recovery codes, and the person sets up a new app at their next sign-in."""

from io import StringIO

import pytest
from django_otp import devices_for_user

from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

from relais.core.tests.factories import UserFactory
from relais.staff.services import RESET_ACTION
from relais.staff.tests.factories import (
    AppDeviceFactory,
    RecoverySheetFactory,
    sign_in_with_second_factor,
)


@pytest.mark.django_db
def test_the_command_forces_a_new_set_up_even_in_an_open_session(client, editor):
    sign_in_with_second_factor(client, editor)
    RecoverySheetFactory(user=editor)
    assert client.get("/admin/").status_code == 200
    out = StringIO()
    call_command("reset_staff_2fa", editor.username, stdout=out)
    assert "2 device(s) deleted" in out.getvalue()
    assert list(devices_for_user(editor, confirmed=None)) == []
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff_2fa:enrol"))
    entry = ModelLogEntry.objects.get(action=RESET_ACTION, object_id=str(editor.pk))
    assert entry.user is None and "reset_staff_2fa" in entry.data["via"]


@pytest.mark.django_db
def test_the_command_names_an_unknown_account(db):
    with pytest.raises(CommandError, match="personne-inconnue"):
        call_command("reset_staff_2fa", "personne-inconnue", stdout=StringIO())


@pytest.mark.django_db
def test_an_administrator_resets_from_the_users_list(client, editor):
    administrator = UserFactory(is_superuser=True)
    editor_client = client.__class__()
    sign_in_with_second_factor(editor_client, editor)
    sign_in_with_second_factor(client, administrator)
    url = reverse("staff_2fa:reset", args=[editor.pk])
    assert url in client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Réinitialiser la double authentification" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "Double authentification réinitialisée" in response.content.decode()
    assert list(devices_for_user(editor, confirmed=None)) == []
    assert ModelLogEntry.objects.get(action=RESET_ACTION).user == administrator
    assert editor_client.get("/admin/")["Location"].startswith(reverse("staff_2fa:enrol"))


@pytest.mark.django_db
def test_an_editor_cannot_reset_anybody(client, editor):
    """Only those who may manage users reset a second factor (Wagtail refuses the others)."""
    colleague = UserFactory(groups=["Editors"])
    AppDeviceFactory(user=colleague)
    sign_in_with_second_factor(client, editor)
    url = reverse("staff_2fa:reset", args=[colleague.pk])
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert len(list(devices_for_user(colleague))) == 1
