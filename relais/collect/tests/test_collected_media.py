"""Collected media are served back inertly and recordings get web versions in the background."""

import pytest

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from relais.collect import models as collect  # Test* names would be collected by pytest
from relais.collect.storage import private_storage
from relais.collect.tasks import process_recording
from relais.media.choices import MediaStatus
from relais.media.private import private_file_response
from relais.media.tests.samples import (
    HTML,
    PNG_SIGNATURE,
    ffprobe_json,
    integrated_loudness,
    quiet_speech,
)


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    """Return about three seconds of French speech as an MP3, recorded far too quietly."""
    return quiet_speech(tmp_path_factory.mktemp("speech"))


@pytest.fixture
def testimony(db):
    user = get_user_model().objects.create_user("amb@example.org", "amb@example.org", "pw")
    return collect.Testimony.objects.create(owner=user, title="T")


def recording(testimony, data):
    audio = collect.TestimonyAudio(testimony=testimony)
    audio.original.save("voix.mp3", ContentFile(data), save=False)
    audio.save()
    return audio


@pytest.mark.django_db
def test_private_files_are_downloaded_never_rendered(testimony):
    photo = collect.TestimonyPhoto(testimony=testimony, content_type="image/png")
    photo.file.save("page.html", ContentFile(PNG_SIGNATURE + HTML), save=False)
    photo.save()
    response = private_file_response(photo.file, photo.content_type, "../<script>.html")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="_script_.html"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PNG_SIGNATURE + HTML
    response.close()


@pytest.mark.django_db
def test_recording_is_normalised_and_encoded_for_the_web(testimony, speech):
    audio = recording(testimony, speech)
    assert integrated_loudness(audio.original.path) < -26  # the fixture is far too quiet
    process_recording.enqueue(audio.pk)
    audio.refresh_from_db()
    assert audio.status == MediaStatus.READY
    assert 2 < audio.duration_seconds < 6
    for fieldfile, codec in ((audio.web_ogg, "opus"), (audio.web_mp3, "mp3")):
        probe = ffprobe_json(fieldfile.path)
        assert probe["streams"][0]["codec_name"] == codec
        assert abs(integrated_loudness(fieldfile.path) - -16) <= 2
    assert audio.original.name not in (audio.web_ogg.name, audio.web_mp3.name)


@pytest.mark.django_db
def test_recording_that_cannot_be_processed_is_marked_failed_and_kept(testimony, speech):
    audio = recording(testimony, speech)
    with private_storage().open(audio.original.name, "wb") as original:
        original.write(HTML)
    process_recording.enqueue(audio.pk)
    audio.refresh_from_db()
    assert audio.status == MediaStatus.FAILED
    assert not audio.web_ogg
    assert not audio.web_mp3
    assert private_storage().exists(audio.original.name)
