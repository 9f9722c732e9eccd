"""Uploads are judged by content, served back inertly, and recordings normalised for the web."""

import json
import shutil
import struct
import subprocess
import zlib
from io import BytesIO

import pytest
from PIL import Image

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from relais.collect import models as collect  # Test* names would be collected by pytest
from relais.collect.choices import MediaStatus
from relais.collect.media import (
    MediaRejected,
    private_file_response,
    safe_display_name,
    validate_audio,
    validate_photo,
)
from relais.collect.storage import private_storage
from relais.collect.tasks import process_recording

FFMPEG = shutil.which("ffmpeg")
FFPROBE = shutil.which("ffprobe")
ESPEAK = shutil.which("espeak-ng")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def image_bytes(fmt, size=(64, 48)):
    image = Image.effect_noise(size, 60).convert("RGB")
    buffer = BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side=20_000):
    """Return a valid one-bit PNG of side × side white pixels: a few dozen KB on disk."""
    compressor, row = zlib.compressobj(9), b"\x00" + b"\xff" * (side // 8)
    data = b"".join(compressor.compress(row * 1000) for _ in range(side // 1000))
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"".join(
        [
            PNG_SIGNATURE,
            png_chunk(b"IHDR", header),
            png_chunk(b"IDAT", data + compressor.flush()),
            png_chunk(b"IEND", b""),
        ]
    )


def ffmpeg(*arguments):
    subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [FFMPEG, "-nostdin", "-v", "error", "-y", *arguments], check=True, timeout=60
    )


def ffprobe_json(path):
    result = subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [FFPROBE, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
        capture_output=True,
        check=True,
        timeout=30,
    )
    return json.loads(result.stdout)


def integrated_loudness(path):
    """Measure integrated loudness with loudnorm (independent of the ebur128 pass we use)."""
    result = subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [FFMPEG, "-nostdin", "-hide_banner", "-nostats", "-i", path, "-af"]
        + ["loudnorm=print_format=json", "-f", "null", "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    log = result.stderr.decode()
    return float(json.loads(log[log.rindex("{") :])["input_i"])


@pytest.fixture(scope="module")
def sounds(tmp_path_factory):
    """Return a dict of one-second tones in every accepted format, and a few refused ones."""
    folder = tmp_path_factory.mktemp("sounds")
    tone = ["-f", "lavfi", "-i", "sine=frequency=440:duration=1"]
    encodings = {
        "mp3": ["-c:a", "libmp3lame"],
        "m4a": ["-c:a", "aac"],
        "ogg": ["-c:a", "libopus"],
        "wav": ["-c:a", "pcm_s16le"],
        "webm": ["-c:a", "libopus"],
        "flac": ["-c:a", "flac"],
    }
    for extension, codec in encodings.items():
        ffmpeg(*tone, *codec, str(folder / f"tone.{extension}"))
    return {path.suffix[1:]: path.read_bytes() for path in folder.iterdir()}


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    """Return about three seconds of French speech as an MP3, recorded far too quietly."""
    folder = tmp_path_factory.mktemp("speech")
    wav, mp3 = folder / "speech.wav", folder / "speech.mp3"
    text = "Bonjour, je suis ambassadrice du Budget citoyen, et je raconte mon projet."
    subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [ESPEAK, "-v", "fr", "-s", "175", "-w", str(wav), text], check=True, timeout=30
    )
    ffmpeg("-i", str(wav), "-af", "volume=-14dB", "-c:a", "libmp3lame", "-b:a", "64k", str(mp3))
    return mp3.read_bytes()


@pytest.fixture
def testimony(db):
    user = get_user_model().objects.create_user("amb@example.org", "amb@example.org", "pw")
    return collect.Testimony.objects.create(owner=user, title="T")


def rejection(validator, upload):
    with pytest.raises(MediaRejected) as error:
        validator(upload)
    assert error.value.message  # a sentence for the user, whatever the language
    return error.value.code


# Photos


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [("JPEG", "image/jpeg", "jpg"), ("PNG", "image/png", "png"), ("WEBP", "image/webp", "webp")],
)
def test_real_photos_are_accepted_whatever_their_name(fmt, content_type, extension):
    info = validate_photo(SimpleUploadedFile("IMG.bin", image_bytes(fmt), "text/html"))
    assert (info.content_type, info.extension, info.width, info.height) == (
        content_type,
        extension,
        64,
        48,
    )


def test_photo_uploaded_to_a_temporary_file_is_checked_in_place():
    data = image_bytes("PNG")
    upload = TemporaryUploadedFile("photo.png", "image/png", len(data), None)
    upload.write(data)
    upload.seek(0)
    assert validate_photo(upload).content_type == "image/png"
    upload.close()


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("vide.jpg", b"", "empty"),
        ("photo.jpg", HTML, "not_an_image"),
        ("photo.png", PNG_SIGNATURE + HTML, "not_an_image"),
        ("coupee.jpg", image_bytes("JPEG", (300, 200))[:2000], "not_an_image"),
        ("entete.jpg", image_bytes("JPEG")[:200], "not_an_image"),
        ("anime.gif", image_bytes("GIF"), "not_an_image"),
        ("bombe.png", png_bomb(), "bomb"),
    ],
)
def test_files_that_are_not_safe_photos_are_refused(name, data, code):
    assert rejection(validate_photo, SimpleUploadedFile(name, data)) == code


def test_photo_over_the_size_limit_is_refused(settings):
    settings.RELAIS_PHOTO_MAX_BYTES = 1000
    upload = SimpleUploadedFile("grande.png", image_bytes("PNG", (200, 200)))
    assert rejection(validate_photo, upload) == "too_large"


def test_photo_over_the_pixel_limit_is_refused(settings):
    settings.RELAIS_PHOTO_MAX_PIXELS = 1000
    upload = SimpleUploadedFile("large.png", image_bytes("PNG", (100, 100)))
    assert rejection(validate_photo, upload) == "bomb"


# Audio


@pytest.mark.parametrize(
    ("extension", "codec"),
    [("mp3", "mp3"), ("m4a", "aac"), ("ogg", "opus"), ("wav", "pcm_s16le"), ("webm", "opus")],
)
def test_recordings_in_accepted_formats_are_accepted(sounds, extension, codec):
    info = validate_audio(SimpleUploadedFile(f"voix.{extension}", sounds[extension]))
    assert info.codec == codec
    assert 0.9 < info.duration_seconds < 1.2


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("voix.mp3", b"", "empty"),
        ("voix.mp3", b"Ceci n'est pas un enregistrement.\n" * 200, "not_audio"),
        ("voix.mp3", HTML, "not_audio"),
        ("voix.mp3", image_bytes("PNG"), "not_audio"),
    ],
)
def test_files_that_are_not_audio_are_refused(name, data, code):
    assert rejection(validate_audio, SimpleUploadedFile(name, data)) == code


def test_audio_in_a_format_we_do_not_accept_is_refused(sounds):
    upload = SimpleUploadedFile("voix.mp3", sounds["flac"])
    assert rejection(validate_audio, upload) == "unsupported_format"


def test_recording_too_long_is_refused(settings, sounds):
    settings.RELAIS_AUDIO_MAX_SECONDS = 0.5
    assert rejection(validate_audio, SimpleUploadedFile("voix.ogg", sounds["ogg"])) == "too_long"


def test_recording_too_large_is_refused(settings, sounds):
    settings.RELAIS_AUDIO_MAX_BYTES = 100
    assert rejection(validate_audio, SimpleUploadedFile("voix.wav", sounds["wav"])) == "too_large"


# Names and downloads


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("a\u202eexe.jpg", "aexe.jpg"),
        ("\u200bphoto.png", "photo.png"),
        ("ｐｈｏｔｏ／..／x.png", "x.png"),
        ("re\u0301sume\u0301 de\x00 l'atelier\n.pdf", "résumé de l'atelier.pdf"),
        ('a"b<c>.jpg', "a_b_c_.jpg"),
        ("", "fichier"),
        ("..", "fichier"),
        ("\u202e\u200b", "fichier"),
        (None, "fichier"),
    ],
)
def test_display_names_are_neutralised(filename, expected):
    assert safe_display_name(filename) == expected


def test_long_display_names_are_shortened_and_keep_their_extension():
    name = safe_display_name("x" * 500 + ".jpeg")
    assert len(name) == 100
    assert name.endswith("x.jpeg")


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


# Processing


def recording(testimony, data):
    audio = collect.TestimonyAudio(testimony=testimony)
    audio.original.save("voix.mp3", ContentFile(data), save=False)
    audio.save()
    return audio


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
        assert probe["streams"][0]["channels"] == 1
        assert abs(float(probe["format"]["duration"]) - audio.duration_seconds) < 0.5
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
