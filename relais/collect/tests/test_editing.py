"""Answering the grid: autosave, no silent overwrite between tabs, typed text never lost."""

import pytest

from django.urls import reverse

from relais.collect.models import Answer, ConsentText, InterviewQuestion


def stage_data(testimony, text, version=None):
    question = InterviewQuestion.objects.filter(stage__slug="idee").first()
    return question, {"version": version or testimony.version, f"question_{question.pk}": text}


@pytest.mark.django_db
def test_stage_page_shows_progress_and_labelled_questions(client, testimony_a, stages):
    client.force_login(testimony_a.owner)
    html = client.get(reverse("collect:stage", args=[testimony_a.pk, "idee"])).content.decode()
    assert f"Étape 1 sur {len(stages)}" in html
    question = InterviewQuestion.objects.filter(stage__slug="idee").first()
    assert f'<label for="id_question_{question.pk}">' in html
    assert "data-autosave=" in html


@pytest.mark.django_db
def test_autosave_saves_and_returns_the_new_version(client, testimony_a):
    client.force_login(testimony_a.owner)
    question, data = stage_data(testimony_a, "Une idée née au marché.")
    url = reverse("collect:autosave", args=[testimony_a.pk, "idee"])
    response = client.post(url, data)
    assert response.status_code == 200 and response.json()["version"] == testimony_a.version + 1
    assert (
        Answer.objects.get(testimony=testimony_a, question=question).text
        == "Une idée née au marché."
    )


@pytest.mark.django_db
def test_second_tab_cannot_silently_overwrite(client, testimony_a):
    """Two tabs loaded version 1; the first saves; the second is refused, its text kept."""
    client.force_login(testimony_a.owner)
    question, first = stage_data(testimony_a, "Texte du premier onglet")
    _, second = stage_data(testimony_a, "Texte du second onglet", version=testimony_a.version)
    client.post(reverse("collect:autosave", args=[testimony_a.pk, "idee"]), first)
    response = client.post(reverse("collect:stage", args=[testimony_a.pk, "idee"]), second)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Texte du second onglet" in html
    assert "modifié dans une autre fenêtre" in html
    assert (
        Answer.objects.get(testimony=testimony_a, question=question).text
        == "Texte du premier onglet"
    )
    conflict = client.post(reverse("collect:autosave", args=[testimony_a.pk, "idee"]), second)
    assert conflict.status_code == 409 and conflict.json()["conflict"] is True


@pytest.mark.django_db
def test_too_long_answer_is_refused_with_the_text_kept(client, testimony_a):
    client.force_login(testimony_a.owner)
    long_text = "Très long récit. " * 700
    _, data = stage_data(testimony_a, long_text)
    response = client.post(reverse("collect:stage", args=[testimony_a.pk, "idee"]), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "trop long" in html
    assert long_text.strip()[:200] in html
    assert not Answer.objects.filter(testimony=testimony_a).exclude(text="").exists()


@pytest.mark.django_db
def test_html_in_answers_is_stored_as_text_and_escaped(client, testimony_a):
    client.force_login(testimony_a.owner)
    _, data = stage_data(testimony_a, "<script>alert('x')</script>")
    client.post(reverse("collect:stage", args=[testimony_a.pk, "idee"]), data)
    html = client.get(reverse("collect:stage", args=[testimony_a.pk, "idee"])).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


@pytest.mark.django_db
def test_submission_needs_alt_text_on_photos_and_required_answers(client, testimony_a, png_upload):
    client.force_login(testimony_a.owner)
    client.post(reverse("collect:photo_upload", args=[testimony_a.pk]), {"file": png_upload})
    html = client.get(reverse("collect:submit", args=[testimony_a.pk])).content.decode()
    assert "Décrivez chaque photo" in html
    assert "merci de répondre" in html
    response = client.post(
        reverse("collect:submit", args=[testimony_a.pk]),
        {
            "consent": ConsentText.objects.latest().pk,
            "public_name": "Alice",
            "text_scope": "on",
            "accept": "on",
        },
    )
    testimony_a.refresh_from_db()
    assert testimony_a.status == "draft" and response.status_code == 200


@pytest.mark.django_db
def test_disguised_photo_is_refused_and_nothing_stored(client, testimony_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(testimony_a.owner)
    fake = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>")
    response = client.post(
        reverse("collect:photo_upload", args=[testimony_a.pk]),
        {"file": fake, "alt_text": "Ma description gardée"},
    )
    assert response.status_code == 400
    assert "Rien n'a été enregistré" in response.content.decode()
    assert not testimony_a.photos.exists()
