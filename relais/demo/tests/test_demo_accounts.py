"""`make demo` creates a demo ambassador with a testimony in progress and says how to sign in."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

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
    link = next(word for word in printed.split() if "sesame=" in word)
    response = client.get(link.replace(settings.WAGTAILADMIN_BASE_URL, ""))
    assert response.status_code == 302 and response["Location"] == "/contribuer/"


@pytest.mark.django_db
def test_demo_accounts_are_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_demo_editor", stdout=StringIO())
