"""The whole journey of a testimony, as the issue's "done" describes it, through real pages."""

import re

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import PageLogEntry, Revision
from wagtail.search.backends import get_search_backend

from relais.collect.models import ConsentText, InterviewQuestion, Testimony
from relais.staff.tests.factories import sign_in
from relais.stories.models import StoryPage

CONSENT = {
    "public_name": "Zoé",
    "text_scope": "on",
    "image_scope": "on",
    "voice_scope": "on",
    "accept": "on",
}
SECRET_ANSWER = "Notre secret : un pitch en une phrase, testé sur nos voisins."


def answer_every_stage(client, testimony):
    for stage_slug in InterviewQuestion.objects.values_list("stage__slug", flat=True).distinct():
        url = reverse("collect:stage", args=[testimony.pk, stage_slug])
        form = client.get(url).context["form"]
        data = {"version": Testimony.objects.get(pk=testimony.pk).version}
        data.update({name: SECRET_ANSWER for name in form.fields if name != "version"})
        assert client.post(url, data).status_code == 302


def consent_as_shown(client, testimony):
    """Return the consent answers with the text version the submit page carries."""
    form = client.get(reverse("collect:submit", args=[testimony.pk])).context["form"]
    return {**CONSENT, "consent": form["consent"].value()}


def link_from_last_email():
    return re.search(r"http://\S+", mail.outbox[-1].body).group(0)


@pytest.mark.django_db
def test_invited_ambassador_to_published_story_then_withdrawal(
    client, editor, png_upload, audio_upload, django_capture_on_commit_callbacks
):
    commit = django_capture_on_commit_callbacks  # run what waits for the commit (tasks, email)
    # The editor invites an ambassador, who signs in with the one-time link.
    sign_in(client, editor)
    client.post(reverse("collect_admin:invite"), {"email": "Zoe@Example.org", "first_name": "Zoé"})
    client.logout()
    assert mail.outbox[-1].to == ["zoe@example.org"]
    response = client.get(link_from_last_email().replace("http://127.0.0.1:8000", ""))
    assert response.status_code == 302 and response["Location"] == "/contribuer/"

    # The ambassador answers the grid, adds a photo and a recording, consents and submits.
    client.post(reverse("collect:create"), {"title": "Notre épicerie"})
    testimony = Testimony.objects.get(title="Notre épicerie")
    answer_every_stage(client, testimony)
    client.post(
        reverse("collect:photo_upload", args=[testimony.pk]),
        {"file": png_upload, "alt_text": "Les bénévoles devant l'épicerie"},
    )
    with commit(execute=True):
        client.post(reverse("collect:audio_upload", args=[testimony.pk]), {"file": audio_upload})
    recording = testimony.recordings.get()
    assert recording.status == "ready" and recording.web_mp3 and recording.web_ogg
    with commit(execute=True):
        response = client.post(
            reverse("collect:submit", args=[testimony.pk]), consent_as_shown(client, testimony)
        )
    assert response.status_code == 302
    testimony.refresh_from_db()
    assert testimony.status == "submitted"
    assert testimony.consent == ConsentText.objects.latest()
    assert editor.email in mail.outbox[-1].to

    # The editor returns it with comments; the ambassador corrects and resubmits.
    sign_in(client, editor)
    with commit(execute=True):
        client.post(
            reverse("collect_admin:action", args=[testimony.pk, "return"]),
            {"comment": "Pouvez-vous préciser le budget ?"},
        )
    testimony.refresh_from_db()
    assert testimony.status == "returned"
    assert "préciser le budget" in mail.outbox[-1].body
    client.force_login(testimony.owner)
    assert (
        "préciser le budget"
        in client.get(reverse("collect:testimony", args=[testimony.pk])).content.decode()
    )
    client.post(reverse("collect:submit", args=[testimony.pk]), consent_as_shown(client, testimony))
    testimony.refresh_from_db()
    assert testimony.status == "submitted"

    # The editor turns it into a story draft in one action, then publishes it in Wagtail.
    sign_in(client, editor)
    client.post(reverse("collect_admin:action", args=[testimony.pk, "story"]))
    testimony.refresh_from_db()
    story = testimony.story
    assert testimony.status == "in_review" and not story.live
    kinds = [block.block_type for block in story.body]
    assert "text" in kinds and "image" in kinds and "audio" in kinds
    draft = story.get_latest_revision_as_object()
    assert draft.intro == ""  # the editor writes the summary before publishing
    draft.intro = "Une épicerie de quartier, racontée par celle qui l'a lancée."
    draft.save_revision(user=editor).publish(user=editor)
    testimony.refresh_from_db()
    assert testimony.status == "published"
    assert [h.to_status for h in testimony.history.all()] == [
        "submitted",
        "returned",
        "submitted",
        "in_review",
        "published",
    ]
    assert client.get(story.url).status_code == 200
    image_files = [img.file.path for img in testimony.story_images.all()]
    capsule_files = [c.file.path for c in testimony.story_capsules.all()]
    private_files = [testimony.photos.get().file.path, *[f.path for f in recording.files()]]
    story_id, story_url = story.pk, story.url

    # The ambassador withdraws: unpublished at once, nothing left anywhere.
    client.force_login(testimony.owner)
    with commit(execute=True):
        client.post(reverse("collect:withdraw", args=[testimony.pk]))
    client.logout()
    assert client.get(story_url).status_code == 404
    assert not Testimony.objects.filter(pk=testimony.pk).exists()
    assert not StoryPage.objects.filter(pk=story_id).exists()
    assert not Revision.objects.filter(object_id=str(story_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=story_id).exists()
    assert not any(SECRET_ANSWER in str(r.content) for r in Revision.objects.all())
    assert all(
        not __import__("os").path.exists(p) for p in image_files + capsule_files + private_files
    )
    assert list(get_search_backend().search("pitch voisins", StoryPage)) == []
    assert "retiré" in mail.outbox[-1].body or "withdr" in mail.outbox[-1].body
