"""Consent: the version recorded is the one the person read, never one published meanwhile."""

import pytest

from django.urls import reverse

from relais.collect.models import Answer, ConsentText, InterviewQuestion

CHOICES = {"public_name": "Alice M.", "text_scope": "on", "voice_scope": "on", "accept": "on"}


@pytest.fixture
def ready_testimony(testimony_a):
    """A draft with every required answer, ready to be sent."""
    for question in InterviewQuestion.objects.filter(required=True):
        Answer.objects.create(testimony=testimony_a, question=question, text="Réponse.")
    return testimony_a


def shown_form(client, testimony):
    response = client.get(reverse("collect:submit", args=[testimony.pk]))
    return response.context["form"], response.content.decode()


@pytest.mark.django_db
def test_the_version_read_is_the_version_recorded(client, ready_testimony):
    """The submit page carries the id of the text it shows, and that id is recorded."""
    shown = ConsentText.objects.create(version="v-lue", text="Texte lu par Alice.")
    client.force_login(ready_testimony.owner)
    form, html = shown_form(client, ready_testimony)
    assert "Texte lu par Alice." in html
    assert f'name="consent" value="{shown.pk}"' in html
    url = reverse("collect:submit", args=[ready_testimony.pk])
    assert client.post(url, {**CHOICES, "consent": shown.pk}).status_code == 302
    ready_testimony.refresh_from_db()
    assert ready_testimony.status == "submitted" and ready_testimony.consent == shown


@pytest.mark.django_db
def test_a_version_published_meanwhile_is_refused_and_shown(client, ready_testimony):
    """Sending the form of an older text records nothing, shows the new text with a
    French explanation, keeps the name and scopes, and asks to tick the box again."""
    old = ConsentText.objects.create(version="v-ancienne", text="Ancien texte.")
    client.force_login(ready_testimony.owner)
    url = reverse("collect:submit", args=[ready_testimony.pk])
    new = ConsentText.objects.create(version="v-nouvelle", text="Nouveau texte, à relire.")

    response = client.post(url, {**CHOICES, "consent": old.pk})

    assert response.status_code == 409
    ready_testimony.refresh_from_db()
    assert ready_testimony.status == "draft" and ready_testimony.consent is None
    html = response.content.decode()
    assert "Une nouvelle version du texte de consentement a été publiée" in html
    assert "Nouveau texte, à relire." in html and "Ancien texte." not in html
    assert f'name="consent" value="{new.pk}"' in html
    assert 'value="Alice M."' in html
    form = response.context["form"]
    assert form["text_scope"].value() and form["voice_scope"].value()
    assert not form["image_scope"].value() and not form["accept"].value()

    assert client.post(url, {**CHOICES, "consent": new.pk}).status_code == 302
    ready_testimony.refresh_from_db()
    assert ready_testimony.consent == new


@pytest.mark.django_db
@pytest.mark.parametrize("sent", [None, "", "pas-un-nombre", "999999"])
def test_a_form_without_a_known_version_is_refused(client, ready_testimony, sent):
    """A page from before versions travelled with the form, or a forged id, records nothing."""
    client.force_login(ready_testimony.owner)
    data = dict(CHOICES) if sent is None else {**CHOICES, "consent": sent}
    response = client.post(reverse("collect:submit", args=[ready_testimony.pk]), data)
    assert response.status_code == 409
    ready_testimony.refresh_from_db()
    assert ready_testimony.status == "draft"
