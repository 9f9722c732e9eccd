"""Media on S3-compatible storage (a real moto server on loopback, `s3_media`): public files
in the public bucket, linked from the pages; ambassadors' files in the private bucket, with
no URL, served by Relais to those allowed only; a withdrawal leaves no object behind."""

from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from relais.collect.checks import private_media_follow_public_media
from relais.collect.models import Testimony
from relais.collect.tests.test_flow import answer_every_stage, consent_as_shown
from relais.core.models import FunderSettings
from relais.core.tests.factories import png_bytes
from relais.media.audio import decoded_duration
from relais.media.choices import MediaStatus
from relais.media.processing import TARGET_LOUDNESS_LUFS
from relais.media.tests.s3 import PRIVATE_BUCKET, PUBLIC_BUCKET
from relais.media.tests.samples import ffprobe_json, integrated_loudness, quiet_speech
from relais.staff.tests.factories import sign_in
from relais.stories.audio import AudioCapsule
from relais.stories.tests.factories import story_with_every_block
from relais.stories.tests.test_media_host_csp import MediaSources


def media_in_page(client, url):
    """Return the image and audio URLs of a page, as a browser would fetch them."""
    response = client.get(url)
    assert response.status_code == 200
    found = MediaSources()
    found.feed(response.content.decode())
    return found.images, found.media


def upload_photo_and_recording(client, testimony, png_upload, audio_upload, commit):
    """Post a photo and a recording as the ambassador does; the recording gets encoded."""
    client.post(
        reverse("collect:photo_upload", args=[testimony.pk]),
        {"file": png_upload, "alt_text": "Le jardin partagé"},
    )
    with commit(execute=True):
        client.post(reverse("collect:audio_upload", args=[testimony.pk]), {"file": audio_upload})
    recording = testimony.recordings.get()
    assert recording.status == MediaStatus.READY
    return testimony.photos.get(), recording


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_and_its_renditions_are_served_from_the_bucket(
    admin_client, client, story_index, s3_media
):
    on_disk_before = set(Path(settings.MEDIA_ROOT).rglob("*"))  # other tests' files
    upload = SimpleUploadedFile("jardin.png", png_bytes(1200, 800))
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Le jardin", "file": upload}
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Le jardin")
    assert image.file.name in s3_media.keys(PUBLIC_BUCKET)
    story = story_with_every_block(story_index, image=image)

    images, _ = media_in_page(client, story.url)

    renditions = [rendition.file.name for rendition in image.renditions.all()]
    assert renditions and set(renditions) <= set(s3_media.keys(PUBLIC_BUCKET))
    for name in renditions:
        url = s3_media.object_url(PUBLIC_BUCKET, name)
        assert url in images  # the page links to the bucket…
        assert s3_media.anonymous_get(url) == 200  # …which lets any visitor read it
    assert set(Path(settings.MEDIA_ROOT).rglob("*")) <= on_disk_before  # nothing on local disk


@pytest.fixture(scope="module")
def speech_wav(tmp_path_factory):
    return quiet_speech(tmp_path_factory.mktemp("s3-capsule"), "wav")


@pytest.mark.django_db
def test_an_admin_audio_capsule_is_processed_into_the_bucket(
    admin_client, s3_media, speech_wav, tmp_path, django_capture_on_commit_callbacks
):
    public_before = s3_media.keys(PUBLIC_BUCKET)
    data = {
        "title": "Capsule sur S3",
        "transcript": "Tout ce qui est dit.",
        "file": SimpleUploadedFile("voix.wav", speech_wav),
        **nested_form_data({"chapters": inline_formset([])}),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/snippets/stories/audiocapsule/add/", data)
    assert response.status_code == 302
    capsule = AudioCapsule.objects.get(title="Capsule sur S3")
    assert capsule.status == MediaStatus.READY
    # Only the processed MP3 is left in the bucket: the uploaded WAV was erased.
    assert s3_media.keys(PUBLIC_BUCKET) == sorted([*public_before, capsule.file.name])
    assert capsule.file.name.startswith("audio/") and capsule.file.name.endswith(".mp3")
    processed = tmp_path / "capsule.mp3"
    processed.write_bytes(s3_media.read(PUBLIC_BUCKET, capsule.file.name))
    assert ffprobe_json(processed)["streams"][0]["codec_name"] == "mp3"
    assert abs(integrated_loudness(processed) - TARGET_LOUDNESS_LUFS) <= 1.5
    source = tmp_path / "voix.wav"
    source.write_bytes(speech_wav)
    assert abs(decoded_duration(processed) - capsule.duration_seconds) < 0.1
    assert abs(capsule.duration_seconds - decoded_duration(source)) < 0.2


@pytest.mark.django_db
def test_an_ambassadors_photo_and_recording_are_in_the_private_bucket_without_any_url(
    client, testimony_a, ambassador_b, png_upload, audio_upload, s3_media,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    public_before = s3_media.keys(PUBLIC_BUCKET)
    client.force_login(testimony_a.owner)
    photo, recording = upload_photo_and_recording(
        client, testimony_a, png_upload, audio_upload, django_capture_on_commit_callbacks
    )
    names = [photo.file.name, *(stored.name for stored in recording.files())]
    assert len(names) == 4  # the photo, the recording and its two web versions
    assert set(names) <= set(s3_media.keys(PRIVATE_BUCKET))
    assert all(name.startswith(f"collect/{testimony_a.pk}/") for name in names)
    assert s3_media.keys(PUBLIC_BUCKET) == public_before
    with pytest.raises(NotImplementedError):
        photo.file.url  # noqa: B018 - asking is the error
    for name in names:  # the bucket refuses whoever has no credentials
        assert s3_media.anonymous_get(s3_media.object_url(PRIVATE_BUCKET, name)) == 403

    # Relais serves them to the owner, through its permission checks.
    response = client.get(reverse("collect:photo_file", args=[photo.public_id]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == s3_media.read(PRIVATE_BUCKET, photo.file.name)
    mp3 = reverse("collect:audio_file", args=[recording.public_id, "mp3"])
    response = client.get(mp3, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    expected = s3_media.read(PRIVATE_BUCKET, recording.web_mp3.name)[:100]
    assert b"".join(response.streaming_content) == expected
    # The thumbnail is written to the private bucket too, on first view.
    thumbnail = client.get(reverse("collect:photo_thumbnail", args=[photo.public_id]))
    assert thumbnail.status_code == 200
    assert photo.thumbnail_name in s3_media.keys(PRIVATE_BUCKET)

    # Nobody else.
    client.force_login(ambassador_b)
    assert client.get(reverse("collect:photo_file", args=[photo.public_id])).status_code == 404
    assert client.get(mp3).status_code == 404
    client.logout()
    assert client.get(mp3).status_code == 302  # to the sign-in page


@pytest.mark.django_db
def test_a_withdrawal_deletes_every_object_of_the_testimony_from_both_buckets(
    client, editor, ambassador_a, png_upload, audio_upload, s3_media,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    commit = django_capture_on_commit_callbacks
    client.force_login(ambassador_a)
    client.post(reverse("collect:create"), {"title": "Notre épicerie"})
    testimony = Testimony.objects.get(title="Notre épicerie")
    answer_every_stage(client, testimony)
    upload_photo_and_recording(client, testimony, png_upload, audio_upload, commit)
    with commit(execute=True):
        client.post(
            reverse("collect:submit", args=[testimony.pk]), consent_as_shown(client, testimony)
        )
    sign_in(client, editor)  # the editor drafts the story, with the photo and the voice
    client.post(reverse("collect_admin:action", args=[testimony.pk, "story"]))
    testimony.refresh_from_db()
    draft = testimony.story.get_latest_revision_as_object()
    draft.intro = "Une épicerie de quartier."  # editors write the summary before publishing
    draft.save_revision(user=editor).publish(user=editor)
    client.logout()
    images, media = media_in_page(client, testimony.story.url)  # renditions are made
    story_keys = {capsule.file.name for capsule in testimony.story_capsules.all()}
    for image in testimony.story_images.all():
        story_keys |= {image.file.name, *(r.file.name for r in image.renditions.all())}
    assert len(story_keys) >= 3  # the photo's original and its rendition, the capsule
    assert story_keys <= set(s3_media.keys(PUBLIC_BUCKET))
    assert {s3_media.object_url(PUBLIC_BUCKET, key) for key in story_keys} & set(images + media)
    assert len(s3_media.keys(PRIVATE_BUCKET)) >= 4

    client.force_login(ambassador_a)
    with commit(execute=True):  # Wagtail deletes image files once the deletion is committed
        client.post(reverse("collect:withdraw", args=[testimony.pk]))

    assert s3_media.keys(PRIVATE_BUCKET) == []
    assert s3_media.keys(PUBLIC_BUCKET) == funder_logo_keys()  # nothing else is left
    for key in story_keys:
        assert s3_media.anonymous_get(s3_media.object_url(PUBLIC_BUCKET, key)) == 404


def funder_logo_keys():
    logo = FunderSettings.load().logo
    return sorted({logo.file.name, *(rendition.file.name for rendition in logo.renditions.all())})


@pytest.mark.parametrize(
    ("public", "private", "warned"),
    [
        ("local", "local", False),  # one machine
        ("bucket", "local", True),  # several app servers would not share the originals
        ("bucket", "bucket", False),
        ("local", "bucket", False),
    ],
)
def test_the_deployment_check_warns_when_only_public_media_are_in_a_bucket(
    settings, public, private, warned
):
    s3 = {"endpoint_url": "https://s3.example.org", "querystring_auth": False}
    storages = dict(settings.STORAGES)
    if public == "bucket":
        options = {**s3, "bucket_name": "relais-media"}
        storages["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    if private == "bucket":
        options = {**s3, "bucket_name": "relais-private"}
        storages["private"] = {
            "BACKEND": "relais.media.storage.PrivateS3Storage",
            "OPTIONS": options,
        }
    settings.STORAGES = storages
    ids = [message.id for message in private_media_follow_public_media(None)]
    assert ids == (["relais.W001"] if warned else [])
