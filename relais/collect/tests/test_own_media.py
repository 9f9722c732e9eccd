"""An ambassador sees, listens to, corrects and deletes their own photos and recordings."""

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from django.urls import reverse

from relais.collect import services
from relais.collect.models import TestimonyAudio, TestimonyPhoto
from relais.staff.tests.factories import sign_in


@pytest.fixture
def photo(testimony_a, png_upload):
    return services.add_photo(testimony_a, png_upload, "Le jardin partagé")


@pytest.fixture
def recording(testimony_a, audio_upload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # encode the web versions
        audio = services.add_recording(testimony_a, audio_upload, "Bonjour, je raconte.")
    audio.refresh_from_db()
    assert audio.status == "ready"
    return audio


def photo_paths(photo):
    """Return the paths on disk of a photo and of its thumbnail."""
    storage = photo.file.storage
    return [Path(storage.path(photo.file.name)), Path(storage.path(photo.thumbnail_name))]


def recording_paths(recording):
    """Return the paths on disk of a recording's original and web versions."""
    return [Path(stored.path) for stored in recording.files()]


def page(client, testimony):
    return client.get(reverse("collect:testimony", args=[testimony.pk])).content.decode()


# Thumbnails


@pytest.mark.django_db
def test_the_testimony_page_shows_a_thumbnail_of_each_photo(client, testimony_a, photo):
    client.force_login(testimony_a.owner)
    thumbnail_url = reverse("collect:photo_thumbnail", args=[photo.public_id])
    assert f'<img class="media-item__thumb" src="{thumbnail_url}" alt="Le jardin partagé"' in page(
        client, testimony_a
    )
    response = client.get(thumbnail_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "private, no-store" in response["Cache-Control"]
    image = Image.open(BytesIO(b"".join(response.streaming_content)))
    assert image.format == "JPEG"
    assert max(image.size) <= 320


@pytest.mark.django_db
def test_a_thumbnail_is_upright_small_and_without_metadata(client, testimony_a):
    """A phone photo taken sideways (EXIF orientation 6) shows upright, without its EXIF."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010F] = "Téléphone de test"  # camera maker: must not leak
    buffer = BytesIO()
    Image.new("RGB", (1600, 800), "#0a4f8a").save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("couche.jpg", buffer.getvalue())
    photo = services.add_photo(testimony_a, upload, "Une photo prise de côté")
    client.force_login(testimony_a.owner)
    response = client.get(reverse("collect:photo_thumbnail", args=[photo.public_id]))
    image = Image.open(BytesIO(b"".join(response.streaming_content)))
    assert image.size == (160, 320)  # turned upright, then fitted in 320 × 320
    assert not image.getexif()


@pytest.mark.django_db
def test_a_photo_stored_before_thumbnails_gets_one_on_first_view(client, testimony_a, photo):
    storage = photo.file.storage
    storage.delete(photo.thumbnail_name)
    client.force_login(testimony_a.owner)
    response = client.get(reverse("collect:photo_thumbnail", args=[photo.public_id]))
    assert response.status_code == 200
    assert storage.exists(photo.thumbnail_name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("ambassador_a", "draft", 200),
        ("ambassador_b", "draft", 404),
        ("editor", "draft", 404),  # a draft is not shown to the editorial team yet
        ("editor", "submitted", 200),
        ("funder", "submitted", 404),
    ],
)
def test_only_the_owner_and_editors_of_sent_testimonies_see_thumbnails(
    request, client, testimony_a, photo, role, status, expected
):
    testimony_a.status = status
    testimony_a.save()
    sign_in(client, request.getfixturevalue(role))
    for name in ("photo_thumbnail", "photo_file"):
        response = client.get(reverse(f"collect:{name}", args=[photo.public_id]))
        assert response.status_code == expected, name


@pytest.mark.django_db
def test_thumbnails_have_no_public_url(client, photo):
    response = client.get(reverse("collect:photo_thumbnail", args=[photo.public_id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("collect:login"))


# Recordings


@pytest.mark.django_db
def test_a_ready_recording_has_a_player_on_its_private_web_versions(client, testimony_a, recording):
    client.force_login(testimony_a.owner)
    html = page(client, testimony_a)
    assert '<audio class="media-item__player" controls' in html
    ogg_url = reverse("collect:audio_file", args=[recording.public_id, "ogg"])
    assert f'<source src="{ogg_url}" type="audio/ogg; codecs=opus">' in html
    response = client.get(ogg_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/ogg"
    assert b"".join(response.streaming_content).startswith(b"OggS")


@pytest.mark.django_db
def test_a_recording_player_is_named_after_its_recording(client, testimony_a, recording):
    """A screen reader announces which recording the player plays, not just "audio"."""
    client.force_login(testimony_a.owner)
    html = page(client, testimony_a)
    name_id = f"recording-{recording.pk}-name"
    assert f'<strong id="{name_id}">enregistrement.webm</strong>' in html
    assert f'controls preload="none" aria-labelledby="{name_id}">' in html


@pytest.mark.django_db
def test_a_recording_is_served_by_byte_ranges_so_the_player_can_seek(
    client, testimony_a, recording
):
    client.force_login(testimony_a.owner)
    url = reverse("collect:audio_file", args=[recording.public_id, "mp3"])
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    data = b"".join(whole.streaming_content)
    response = client.get(url, headers={"Range": "bytes=100-199"})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert b"".join(response.streaming_content) == data[100:200]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    beyond = client.get(url, headers={"Range": f"bytes={len(data)}-"})
    assert beyond.status_code == 416


@pytest.mark.django_db
def test_a_recording_still_processing_says_so(client, testimony_a, audio_upload):
    services.add_recording(testimony_a, audio_upload)  # the task waits for the commit
    client.force_login(testimony_a.owner)
    html = page(client, testimony_a)
    assert "<audio" not in html
    assert "rechargez cette page dans une minute" in html


# Transcripts


@pytest.mark.django_db
def test_the_typed_transcript_is_shown_and_can_be_corrected(client, testimony_a, recording):
    client.force_login(testimony_a.owner)
    assert "Bonjour, je raconte.</textarea>" in page(client, testimony_a)
    url = reverse("collect:recording_transcript", args=[testimony_a.pk, recording.public_id])
    field = f"recording-{recording.pk}-transcript"
    response = client.post(url, {field: "Bonjour, je raconte mon jardin."})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#recording-{recording.pk}")
    recording.refresh_from_db()
    assert recording.transcript == "Bonjour, je raconte mon jardin."
    assert "Bonjour, je raconte mon jardin.</textarea>" in page(client, testimony_a)


@pytest.mark.django_db
def test_a_transcript_too_long_is_refused_and_the_typed_text_kept(client, testimony_a, recording):
    client.force_login(testimony_a.owner)
    url = reverse("collect:recording_transcript", args=[testimony_a.pk, recording.public_id])
    typed = "Mon histoire. " + "x" * 50_000
    response = client.post(url, {f"recording-{recording.pk}-transcript": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ce texte est trop long" in html
    assert typed in html
    recording.refresh_from_db()
    assert recording.transcript == "Bonjour, je raconte."


@pytest.mark.django_db
def test_nobody_else_edits_a_transcript(client, testimony_a, recording, ambassador_b):
    client.force_login(ambassador_b)
    url = reverse("collect:recording_transcript", args=[testimony_a.pk, recording.public_id])
    response = client.post(url, {f"recording-{recording.pk}-transcript": "Piraté"})
    assert response.status_code == 404
    recording.refresh_from_db()
    assert recording.transcript == "Bonjour, je raconte."


# Deleting one photo or one recording


@pytest.mark.django_db
def test_deleting_a_photo_asks_first_then_erases_its_files(
    client, testimony_a, photo, django_capture_on_commit_callbacks
):
    client.force_login(testimony_a.owner)
    paths = photo_paths(photo)
    assert all(path.is_file() for path in paths)
    url = reverse("collect:photo_delete", args=[testimony_a.pk, photo.public_id])
    assert f'href="{url}"' in page(client, testimony_a)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Supprimer la photo</button>" in confirm.content.decode()
    assert TestimonyPhoto.objects.filter(pk=photo.pk).exists()  # a GET deletes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not TestimonyPhoto.objects.filter(pk=photo.pk).exists()
    assert not any(path.exists() for path in paths)
    assert "La photo est supprimée." in page(client, testimony_a)


@pytest.mark.django_db
def test_deleting_a_recording_erases_the_original_and_web_versions(
    client, testimony_a, recording, django_capture_on_commit_callbacks
):
    paths = recording_paths(recording)
    assert len(paths) == 3 and all(path.is_file() for path in paths)  # original, OGG, MP3
    client.force_login(testimony_a.owner)
    url = reverse("collect:recording_delete", args=[testimony_a.pk, recording.public_id])
    assert "Supprimer l’enregistrement</button>" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not TestimonyAudio.objects.filter(pk=recording.pk).exists()
    assert not any(path.exists() for path in paths)


@pytest.mark.django_db
def test_deleting_one_photo_keeps_the_others(
    client, testimony_a, photo, png_upload, django_capture_on_commit_callbacks
):
    png_upload.seek(0)
    other = services.add_photo(testimony_a, png_upload, "Une autre")
    client.force_login(testimony_a.owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("collect:photo_delete", args=[testimony_a.pk, photo.public_id]))
    assert list(testimony_a.photos.all()) == [other]
    assert not any(path.exists() for path in photo_paths(photo))
    assert all(path.is_file() for path in photo_paths(other))


@pytest.mark.django_db
def test_deleting_needs_a_csrf_token(testimony_a, photo):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(testimony_a.owner)
    response = client.post(reverse("collect:photo_delete", args=[testimony_a.pk, photo.public_id]))
    assert response.status_code == 403
    assert TestimonyPhoto.objects.filter(pk=photo.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "expected"), [("ambassador_b", 404), ("editor", 404)])
def test_nobody_else_deletes_a_photo(request, client, testimony_a, photo, role, expected):
    sign_in(client, request.getfixturevalue(role))
    response = client.post(reverse("collect:photo_delete", args=[testimony_a.pk, photo.public_id]))
    assert response.status_code == expected
    assert TestimonyPhoto.objects.filter(pk=photo.pk).exists()


@pytest.mark.django_db
def test_a_sent_testimony_keeps_its_media(client, testimony_a, photo, recording):
    """Once sent to the editorial team, nothing can be deleted piecemeal (withdraw instead)."""
    testimony_a.status = "submitted"
    testimony_a.save()
    client.force_login(testimony_a.owner)
    html = page(client, testimony_a)
    assert "supprimer/" not in html.replace(reverse("collect:withdraw", args=[testimony_a.pk]), "")
    for url in (
        reverse("collect:photo_delete", args=[testimony_a.pk, photo.public_id]),
        reverse("collect:recording_delete", args=[testimony_a.pk, recording.public_id]),
    ):
        assert client.post(url).status_code == 403
    assert testimony_a.photos.count() == 1 and testimony_a.recordings.count() == 1


@pytest.mark.django_db
def test_withdrawing_also_erases_thumbnails(
    client, testimony_a, photo, recording, django_capture_on_commit_callbacks
):
    paths = photo_paths(photo) + recording_paths(recording)
    client.force_login(testimony_a.owner)
    with django_capture_on_commit_callbacks(execute=True):  # files go once the rows are gone
        client.post(reverse("collect:withdraw", args=[testimony_a.pk]))
    assert not any(path.exists() for path in paths)


# Unguessable addresses


@pytest.mark.django_db
def test_media_addresses_carry_no_sequential_id_and_guessed_ones_answer_404(
    client, testimony_a, photo, recording, editor
):
    """One file's address tells nothing about the next: the sequential id is never accepted."""
    testimony_a.status = "submitted"  # readable by editors, so only the address is tested
    testimony_a.save()
    owner_urls = [
        (reverse("collect:photo_file", args=[photo.public_id]), photo),
        (reverse("collect:photo_thumbnail", args=[photo.public_id]), photo),
        (reverse("collect:audio_file", args=[recording.public_id, "mp3"]), recording),
    ]
    editor_urls = [
        (reverse("collect_admin:photo", args=[testimony_a.pk, photo.public_id]), photo),
        (
            reverse("collect_admin:audio", args=[testimony_a.pk, recording.public_id, "mp3"]),
            recording,
        ),
    ]
    for user, urls in ((testimony_a.owner, owner_urls), (editor, editor_urls)):
        sign_in(client, user)
        for url, media in urls:
            assert str(media.public_id) in url
            assert client.get(url).status_code == 200, url
            guessed = url.replace(str(media.public_id), str(media.pk))
            assert client.get(guessed).status_code == 404, guessed
    client.force_login(testimony_a.owner)
    html = page(client, testimony_a)
    assert f"/photo/{photo.pk}/" not in html and f"/audio/{recording.pk}/" not in html
    assert f"/photo/{photo.public_id}/vignette/" in html
