"""A capsule uploaded in the admin goes through the media pipeline, like a contributor's
recording: refused by content before anything is stored, then normalised for the web; a
story cannot be published with a capsule that has no transcript or no processed file."""

from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from relais.media.choices import MediaStatus
from relais.media.processing import TARGET_LOUDNESS_LUFS
from relais.media.tests.samples import (
    ENCODINGS,
    HTML,
    ffprobe_json,
    integrated_loudness,
    quiet_speech,
    tone,
)
from relais.stories.audio import AudioCapsule
from relais.stories.models import StoryPage
from relais.stories.tests.factories import AudioCapsuleFactory

ADD_URL = "/admin/snippets/stories/audiocapsule/add/"


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """Return quiet French speech as WAV, and a FLAC tone (audio, but not an accepted format)."""
    folder = tmp_path_factory.mktemp("capsules")
    return {
        "speech.wav": quiet_speech(folder, "wav"),
        "tone.flac": tone(folder, "flac", ENCODINGS["flac"]),
    }


def add_capsule(client, upload, title="Capsule de l'admin"):
    """Post the admin's "add an audio capsule" form with a transcript and no chapter."""
    return client.post(
        ADD_URL,
        {
            "title": title,
            "transcript": "Texte saisi à conserver.",
            "file": upload,
            **nested_form_data({"chapters": inline_formset([])}),
        },
    )


def stored_files():
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data_name", "message"),
    [
        ("html", "pas un fichier audio lisible"),
        ("tone.flac", "Ce format audio n&#x27;est pas accepté"),
    ],
)
def test_a_file_that_is_not_accepted_audio_is_refused_in_french_and_nothing_stored(
    admin_client, samples, data_name, message
):
    data = HTML if data_name == "html" else samples[data_name]
    before_files, before_count = stored_files(), AudioCapsule.objects.count()
    response = add_capsule(admin_client, SimpleUploadedFile("capsule.mp3", data))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert AudioCapsule.objects.count() == before_count
    assert stored_files() == before_files


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("limit", "shown"), [(1024 * 1024, "1,0 Mio"), (2 * 1024 * 1024, "2,0 Mio")]
)
def test_the_size_limit_in_the_message_is_the_setting(admin_client, settings, limit, shown):
    settings.RELAIS_AUDIO_MAX_BYTES = limit
    response = add_capsule(admin_client, SimpleUploadedFile("long.mp3", b"\0" * (limit + 1)))
    html = response.content.decode().replace("\xa0", " ")  # the size never wraps
    assert f"Cet enregistrement est trop lourd : {shown} au maximum." in html


@pytest.mark.django_db
def test_an_admin_upload_is_normalised_and_encoded_to_mp3(
    admin_client, samples, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add_capsule(admin_client, SimpleUploadedFile("voix.wav", samples["speech.wav"]))
    assert response.status_code == 302
    capsule = AudioCapsule.objects.get(title="Capsule de l'admin")
    assert capsule.status == MediaStatus.READY
    assert capsule.file.name.endswith(".mp3")
    assert ffprobe_json(capsule.file.path)["streams"][0]["codec_name"] == "mp3"
    assert abs(integrated_loudness(capsule.file.path) - TARGET_LOUDNESS_LUFS) <= 1.5
    assert not list(Path(capsule.file.path).parent.glob("voix*.wav"))  # the upload is erased


@pytest.mark.django_db
def test_a_capsule_whose_processing_fails_is_listed_as_failed(
    admin_client, samples, django_capture_on_commit_callbacks
):
    """The file passed the checks, then was damaged on the disk before the task ran."""
    with django_capture_on_commit_callbacks() as callbacks:
        add_capsule(admin_client, SimpleUploadedFile("voix.wav", samples["speech.wav"]))
    capsule = AudioCapsule.objects.get(title="Capsule de l'admin")
    Path(capsule.file.path).write_bytes(HTML)
    for callback in callbacks:
        callback()
    capsule.refresh_from_db()
    assert capsule.status == MediaStatus.FAILED
    listing = admin_client.get("/admin/snippets/stories/audiocapsule/").content.decode()
    assert "Échec" in listing


@pytest.mark.django_db
def test_the_capsule_list_labels_its_columns_in_french(admin_client):
    AudioCapsuleFactory()
    listing = admin_client.get("/admin/snippets/stories/audiocapsule/").content.decode()
    assert "Durée" in listing
    assert "État du traitement" in listing


# Publication


def story_with_capsule(story_index, **capsule_fields):
    capsule = AudioCapsule(title="Capsule à relire", **capsule_fields)
    capsule.file.save("capsule.mp3", ContentFile(b"stored by a test"), save=False)
    capsule.save()
    story = StoryPage(title="Une histoire", intro="Un résumé.", live=False)
    story.body = [("audio", {"capsule": capsule})]
    story_index.add_child(instance=story)
    return story, capsule


def post_story(client, story, capsule, action):
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "intro": story.intro,
            "body": streamfield([("audio", {"capsule": capsule.pk})]),
            "comments": inline_formset([]),
        }
    )
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("capsule_fields", "message"),
    [
        ({"transcript": ""}, "Écrivez la transcription de la capsule audio"),
        ({"transcript": "Dit.", "status": MediaStatus.PENDING}, "encore en cours de traitement"),
        ({"transcript": "Dit.", "status": MediaStatus.FAILED}, "n&#x27;a pas pu être traité"),
    ],
)
def test_a_story_is_not_published_with_a_capsule_not_ready_for_everyone(
    admin_client, story_index, capsule_fields, message
):
    story, capsule = story_with_capsule(story_index, **capsule_fields)
    response = post_story(admin_client, story, capsule, "action-publish")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not StoryPage.objects.get(pk=story.pk).live


@pytest.mark.django_db
def test_a_story_with_a_capsule_awaiting_its_transcript_can_be_saved_as_a_draft(
    admin_client, story_index
):
    story, capsule = story_with_capsule(story_index, transcript="")
    assert post_story(admin_client, story, capsule, "action-save").status_code == 302


@pytest.mark.django_db
def test_a_story_with_a_transcribed_processed_capsule_is_published(admin_client, story_index):
    story, capsule = story_with_capsule(story_index, transcript="Tout ce qui est dit.")
    assert post_story(admin_client, story, capsule, "action-publish").status_code == 302
    assert StoryPage.objects.get(pk=story.pk).live
