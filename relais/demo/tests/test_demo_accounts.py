"""`make demo` creates a demo ambassador with a testimony in progress and says how to sign in."""

import re
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.urls import reverse

from relais.collect.models import Testimony
from relais.demo.collect import DEMO_AMBASSADOR_EMAIL


@pytest.mark.django_db
def test_demo_accounts_print_how_to_sign_in(settings, client):
    settings.DEBUG = True
    out = StringIO()
    call_command("ensure_demo_editor", stdout=out)
    printed = out.getvalue()
    assert "'editeur'" in printed and "'relais-demo'" in printed
    testimony = Testimony.objects.get(owner__email=DEMO_AMBASSADOR_EMAIL)
    assert testimony.status == "draft" and testimony.answers.exists()
    assert_the_demo_editor_reaches_the_admin(client, printed)
    link = next(word for word in printed.split() if "sesame=" in word)
    response = client.get(link.replace(settings.WAGTAILADMIN_BASE_URL, ""))
    assert response.status_code == 302 and response["Location"] == "/contribuer/"


@pytest.mark.django_db
def test_demo_accounts_are_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_demo_editor", stdout=StringIO())


def assert_the_demo_editor_reaches_the_admin(client, printed):
    """With the printed password and one of the printed recovery codes."""
    codes = re.search(r"recovery code .*: ((?:[a-z2-7]{8} ?){10})\n", printed)[1].split()
    client.post(reverse("wagtailadmin_login"), {"username": "editeur", "password": "relais-demo"})
    assert client.get("/admin/")["Location"].startswith(reverse("staff_2fa:verify"))
    client.post(reverse("staff_2fa:verify"), {"recovery_code": codes[0]})
    assert client.get("/admin/").status_code == 200
    client.logout()


@pytest.mark.django_db
def test_the_demo_editor_keeps_their_app_key_and_gets_new_recovery_codes(settings):
    """Restarting the demo does not break an app already set up with the printed key."""
    settings.DEBUG = True
    first, second = StringIO(), StringIO()
    call_command("ensure_demo_editor", stdout=first)
    call_command("ensure_demo_editor", stdout=second)
    key = re.compile(r"given the key ([A-Z2-7 ]+)\n")
    assert key.search(first.getvalue())[1] == key.search(second.getvalue())[1]
    codes = re.compile(r"recovery code .*: (.+)\n")
    assert codes.search(first.getvalue())[1] != codes.search(second.getvalue())[1]
