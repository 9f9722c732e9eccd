"""An ambassador's session ends after 2 hours without a request; an autosave that comes
later is refused (the page says so and keeps the text: see the browser test)."""

from types import SimpleNamespace

import pytest

from django.conf import settings
from django.urls import reverse

from relais.collect.models import Answer
from relais.core import sessions


@pytest.fixture
def clock(monkeypatch):
    now = [1_800_000_000.0]
    monkeypatch.setattr(sessions, "time", SimpleNamespace(time=lambda: now[0]))
    return lambda seconds: now.__setitem__(0, now[0] + seconds)


def autosave(client, testimony, stage, text):
    question = stage.questions.first()
    url = reverse("collect:autosave", args=[testimony.pk, stage.slug])
    return client.post(url, {"version": testimony.version, f"question_{question.pk}": text})


@pytest.mark.django_db
def test_ambassadors_stay_signed_in_longer_than_staff(client, testimony_a, stages, clock):
    """An hour spent on one answer is not idle enough to lose the session."""
    client.force_login(testimony_a.owner)
    assert client.get(reverse("collect:dashboard")).status_code == 200
    clock(settings.RELAIS_STAFF_SESSION_IDLE_SECONDS * 2)
    assert autosave(client, testimony_a, stages[0], "Une heure plus tard.").status_code == 200


@pytest.mark.django_db
def test_after_two_idle_hours_an_autosave_is_sent_to_sign_in_and_saves_nothing(
    client, testimony_a, stages, clock
):
    client.force_login(testimony_a.owner)
    assert client.get(reverse("collect:dashboard")).status_code == 200
    clock(settings.RELAIS_CONTRIBUTOR_SESSION_IDLE_SECONDS + 1)
    response = autosave(client, testimony_a, stages[0], "Trop tard.")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("collect:login"))
    assert not Answer.objects.filter(text="Trop tard.").exists()
