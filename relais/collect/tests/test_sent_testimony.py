"""Once sent or published, a testimony reads as text, says why, and links to its story."""

import pytest

from django.urls import reverse

from relais.collect.models import Answer, InterviewQuestion
from relais.core.models import SiteContactSettings
from relais.stories.models import StoryIndexPage
from relais.stories.tests.factories import StoryPageFactory

ANSWER = "Une idée née au marché du samedi."


@pytest.fixture
def question(db):
    return InterviewQuestion.objects.filter(stage__slug="idee").first()


def send(testimony, status, question):
    Answer.objects.create(testimony=testimony, question=question, text=ANSWER)
    testimony.status = status
    testimony.save()


def stage_url(testimony):
    return reverse("collect:stage", args=[testimony.pk, "idee"])


def live_story(testimony):
    """Publish the testimony as a live story."""
    testimony.story = StoryPageFactory(parent=StoryIndexPage.objects.get())
    testimony.status = "published"
    testimony.save()
    return testimony.story


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "why"),
    [("submitted", "Vous avez envoyé ce témoignage"), ("published", "Votre témoignage est publié")],
)
def test_a_sent_testimony_shows_its_answers_as_text_and_says_why(
    client, testimony_a, question, status, why
):
    send(testimony_a, status, question)
    client.force_login(testimony_a.owner)
    response = client.get(stage_url(testimony_a))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<textarea" not in html
    assert "data-autosave" not in html
    assert f"<dd>{ANSWER}</dd>" in html
    assert why in html
    assert reverse("collect:withdraw", args=[testimony_a.pk]) in html  # what they can do
    assert f"mailto:{SiteContactSettings.load().contact_email}" in html


@pytest.mark.django_db
def test_a_draft_stage_page_still_has_fields_and_autosave(client, testimony_a, question):
    client.force_login(testimony_a.owner)
    html = client.get(stage_url(testimony_a)).content.decode()
    assert f'name="question_{question.pk}"' in html and "data-autosave" in html
    assert "ne peut plus être modifié" not in html


@pytest.mark.django_db
def test_autosave_on_a_sent_testimony_answers_not_saved_with_a_reason(
    client, testimony_a, question
):
    """The script shows the server's message instead of claiming to be offline."""
    send(testimony_a, "submitted", question)
    client.force_login(testimony_a.owner)
    data = {"version": testimony_a.version, f"question_{question.pk}": "Autre chose"}
    response = client.post(reverse("collect:autosave", args=[testimony_a.pk, "idee"]), data)
    assert response.status_code == 403
    assert response.json()["saved"] is False
    assert response.json()["message"].startswith("Non enregistré : ce témoignage a été envoyé")
    assert Answer.objects.get(testimony=testimony_a, question=question).text == ANSWER


@pytest.mark.django_db
def test_a_form_sent_from_a_page_opened_before_sending_keeps_the_typed_text(
    client, testimony_a, question
):
    send(testimony_a, "submitted", question)
    client.force_login(testimony_a.owner)
    data = {"version": testimony_a.version, f"question_{question.pk}": "Texte tapé trop tard"}
    response = client.post(stage_url(testimony_a), data)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Vos modifications n'ont pas été enregistrées" in html
    assert "Texte tapé trop tard" in html
    assert Answer.objects.get(testimony=testimony_a, question=question).text == ANSWER


@pytest.mark.django_db
def test_the_testimony_page_of_a_sent_testimony_only_offers_to_withdraw(
    client, testimony_a, question
):
    send(testimony_a, "submitted", question)
    client.force_login(testimony_a.owner)
    html = client.get(reverse("collect:testimony", args=[testimony_a.pk])).content.decode()
    assert "Envoyer ou retirer" not in html
    assert '<h2 id="withdraw-title">Retirer mon témoignage</h2>' in html
    assert reverse("collect:submit", args=[testimony_a.pk]) not in html


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["collect:dashboard", "collect:testimony"])
def test_a_published_testimony_links_to_its_live_story(client, testimony_a, page):
    story = live_story(testimony_a)
    client.force_login(testimony_a.owner)
    args = [testimony_a.pk] if page == "collect:testimony" else []
    html = client.get(reverse(page, args=args)).content.decode()
    assert f'<a href="{story.url}">Voir l\'histoire en ligne</a>' in html


@pytest.mark.django_db
def test_an_unpublished_story_is_not_linked(client, testimony_a):
    story = live_story(testimony_a)
    story.unpublish()
    client.force_login(testimony_a.owner)
    html = client.get(reverse("collect:dashboard")).content.decode()
    assert "Voir l'histoire en ligne" not in html


@pytest.mark.django_db
def test_the_dashboard_promises_no_saving_as_you_type(client, testimony_a):
    """Without JavaScript nothing is saved while typing: the button saves."""
    client.force_login(testimony_a.owner)
    html = client.get(reverse("collect:dashboard")).content.decode()
    assert "pendant que vous écrivez" not in html
    assert "enregistrez chaque étape avec son bouton" in html
