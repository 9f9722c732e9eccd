"""Audio capsules are checked by content (ffprobe), not by name; the transcript is mandatory."""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from relais.media.tests.samples import quiet_speech
from relais.stories.audio import AudioCapsule, timestamp_to_seconds


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    return quiet_speech(tmp_path_factory.mktemp("speech"))


def capsule_with(upload, transcript="Bonjour."):
    capsule = AudioCapsule(title="Essai", transcript=transcript)
    capsule.file = upload
    return capsule


@pytest.mark.django_db
def test_real_audio_is_accepted_and_its_duration_measured(speech):
    capsule = capsule_with(SimpleUploadedFile("voix.mp3", speech))
    capsule.full_clean()
    assert 1 < capsule.duration_seconds < 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.mp3", b"<html><script>alert(1)</script></html>"),
        ("vide.mp3", b""),
        ("image.ogg", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ],
)
def test_files_that_are_not_audio_are_refused_with_a_french_message(name, data):
    capsule = capsule_with(SimpleUploadedFile(name, data))
    with pytest.raises(ValidationError) as error:
        capsule.full_clean()
    messages = " ".join(error.value.message_dict["file"])
    assert "fichier" in messages


@pytest.mark.django_db
def test_transcript_is_required(speech):
    upload = SimpleUploadedFile("voix.mp3", speech)
    with pytest.raises(ValidationError) as error:
        capsule_with(upload, transcript="").full_clean()
    assert "transcript" in error.value.message_dict


def test_chapter_timestamps():
    assert timestamp_to_seconds("1:05") == 65
    assert timestamp_to_seconds("1:00:00") == 3600
    with pytest.raises(ValidationError):
        timestamp_to_seconds("une minute")
