"""Uploads are judged by content, named safely, and recordings normalised for the web."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from relais.media.audio import validate_audio
from relais.media.images import validate_image
from relais.media.processing import process_audio_file
from relais.media.uploads import MediaRejected, safe_display_name

from .samples import (
    ENCODINGS,
    HTML,
    PNG_SIGNATURE,
    ffprobe_json,
    image_bytes,
    integrated_loudness,
    png_bomb,
    quiet_speech,
    tone,
)


@pytest.fixture(scope="module")
def sounds(tmp_path_factory):
    """Return a dict of one-second tones in every accepted format, and a few refused ones."""
    folder = tmp_path_factory.mktemp("sounds")
    return {extension: tone(folder, extension, codec) for extension, codec in ENCODINGS.items()}


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    """Return about three seconds of French speech as an MP3, recorded far too quietly."""
    return quiet_speech(tmp_path_factory.mktemp("speech"))


def rejection(validator, upload):
    with pytest.raises(MediaRejected) as error:
        validator(upload)
    assert error.value.message  # a sentence for the user, whatever the language
    return error.value.code


# Images


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [("JPEG", "image/jpeg", "jpg"), ("PNG", "image/png", "png"), ("WEBP", "image/webp", "webp")],
)
def test_real_photos_are_accepted_whatever_their_name(fmt, content_type, extension):
    info = validate_image(SimpleUploadedFile("IMG.bin", image_bytes(fmt), "text/html"))
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
    assert validate_image(upload).content_type == "image/png"
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
    assert rejection(validate_image, SimpleUploadedFile(name, data)) == code


def test_photo_over_the_size_limit_is_refused(settings):
    settings.RELAIS_IMAGE_MAX_BYTES = 1000
    upload = SimpleUploadedFile("grande.png", image_bytes("PNG", (200, 200)))
    assert rejection(validate_image, upload) == "too_large"


def test_photo_over_the_pixel_limit_is_refused(settings):
    settings.RELAIS_IMAGE_MAX_PIXELS = 1000
    upload = SimpleUploadedFile("large.png", image_bytes("PNG", (100, 100)))
    assert rejection(validate_image, upload) == "bomb"


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


@pytest.fixture(scope="module")
def five_seconds_mp3(tmp_path_factory):
    """Return an MP3 of a five-second tone, whose header gives the duration of the whole."""
    return tone(tmp_path_factory.mktemp("five"), "mp3", ENCODINGS["mp3"], 5)


def test_truncated_mp3_is_refused_whatever_its_header_claims(five_seconds_mp3):
    truncated = five_seconds_mp3[: len(five_seconds_mp3) * 15 // 100]
    with pytest.raises(MediaRejected) as error:
        validate_audio(SimpleUploadedFile("voix.mp3", truncated))
    assert error.value.code == "truncated"
    assert "incomplet ou abîmé" in error.value.message
    assert "5,0 s" in error.value.message  # what the header claims, in French


def test_complete_mp3_is_accepted_with_its_decoded_duration(five_seconds_mp3):
    info = validate_audio(SimpleUploadedFile("voix.mp3", five_seconds_mp3))
    assert abs(info.duration_seconds - 5) <= 0.3


@pytest.fixture(scope="module")
def long_tones(tmp_path_factory):
    """Return OGG tones lasting 46, 61 and 121 seconds, by length."""
    folder = tmp_path_factory.mktemp("long")
    lengths = (46, 61, 121)
    return {n: tone(folder / f"{n}", "ogg", ENCODINGS["ogg"], n) for n in map(str, lengths)}


@pytest.mark.parametrize(
    ("limit", "expected"),
    [(120, "2 minutes au maximum"), (60, "1 minute au maximum"), (45, "45 secondes au maximum")],
)
def test_the_too_long_message_gives_the_limit_of_the_settings(
    settings, long_tones, limit, expected
):
    settings.RELAIS_AUDIO_MAX_SECONDS = limit
    upload = SimpleUploadedFile("voix.ogg", long_tones[str(limit + 1)])
    with pytest.raises(MediaRejected) as error:
        validate_audio(upload)
    assert expected in error.value.message


# Processing


def test_quiet_speech_is_normalised_and_encoded_for_the_web(tmp_path, speech):
    source = tmp_path / "voix.mp3"
    source.write_bytes(speech)
    assert integrated_loudness(source) < -26  # the sample is far too quiet
    result = process_audio_file(source, tmp_path)
    assert 2 < result.duration_seconds < 6
    for path, codec in ((result.ogg_path, "opus"), (result.mp3_path, "mp3")):
        probe = ffprobe_json(path)
        assert probe["streams"][0]["codec_name"] == codec
        assert probe["streams"][0]["channels"] == 1
        assert abs(float(probe["format"]["duration"]) - result.duration_seconds) < 0.5
        assert abs(integrated_loudness(path) - -16) <= 1.5


def test_a_file_that_is_not_audio_is_not_processed(tmp_path):
    source = tmp_path / "voix.mp3"
    source.write_bytes(HTML)
    with pytest.raises(MediaRejected):
        process_audio_file(source, tmp_path)
    assert not (tmp_path / "web.mp3").exists()


# Names


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
