"""A failed transaction leaves no file behind, and never a row without its file."""

from pathlib import Path

import pytest

from django.db import DatabaseError

from relais.collect import erasure, publishing, services, tasks
from relais.collect.models import TestimonyAudio, TestimonyPhoto
from relais.media.processing import processed_copy
from relais.stories.models import StoryPage

from .test_publishing import submitted_testimony


def files_in(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())


def failing(*args, **kwargs):
    raise DatabaseError("the database went away")


@pytest.mark.django_db
def test_a_photo_whose_row_cannot_be_saved_leaves_no_file(
    roots, testimony_a, png_upload, monkeypatch
):
    monkeypatch.setattr(TestimonyPhoto, "save", failing)
    with pytest.raises(DatabaseError):
        services.add_photo(testimony_a, png_upload, "Le jardin")
    assert files_in(roots[1]) == []


@pytest.mark.django_db
def test_a_recording_whose_row_cannot_be_saved_leaves_no_file(
    roots, testimony_a, audio_upload, monkeypatch
):
    monkeypatch.setattr("relais.collect.models.TestimonyAudio.save", failing)
    with pytest.raises(DatabaseError):
        services.add_recording(testimony_a, audio_upload)
    assert files_in(roots[1]) == []


@pytest.mark.django_db
def test_a_story_draft_that_fails_leaves_no_copied_image_or_recording(
    roots,
    editor,
    ambassador_a,
    png_upload,
    audio_upload,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    testimony = submitted_testimony(ambassador_a, {"idee": "Un jardin."}, image=True, voice=True)
    services.add_photo(testimony, png_upload, "Le jardin")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_recording(testimony, audio_upload, "Bonjour.")
    assert testimony.recordings.get().status == "ready"
    media_before = files_in(roots[0])
    monkeypatch.setattr(StoryPage, "save_revision", failing)  # after images and capsules
    with pytest.raises(DatabaseError):
        publishing.create_story_draft(testimony, editor)
    assert files_in(roots[0]) == media_before == []
    assert not StoryPage.objects.exists()


@pytest.mark.django_db
def test_a_withdrawal_that_fails_keeps_the_files_its_rows_point_at(
    roots, testimony_a, png_upload, monkeypatch, django_capture_on_commit_callbacks
):
    photo = services.add_photo(testimony_a, png_upload, "Le jardin")
    monkeypatch.setattr(erasure, "_forget_unused_profile", failing)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DatabaseError):
        erasure.withdraw(testimony_a)
    assert TestimonyPhoto.objects.filter(pk=photo.pk).exists()
    assert Path(photo.file.path).exists()
    assert Path(photo.file.storage.path(photo.thumbnail_name)).exists()


@pytest.mark.django_db
def test_reprocessing_that_fails_keeps_the_web_versions_the_row_points_at(
    roots, testimony_a, audio_upload, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recording = services.add_recording(testimony_a, audio_upload)
    recording.refresh_from_db()
    old = [Path(recording.web_ogg.path), Path(recording.web_mp3.path)]
    monkeypatch.setattr(TestimonyAudio, "save", failing)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(DatabaseError),
        processed_copy(recording.original) as result,
    ):
        tasks.store_web_versions(recording, result)
    monkeypatch.undo()
    recording.refresh_from_db()
    assert [Path(recording.web_ogg.path), Path(recording.web_mp3.path)] == old
    assert all(path.exists() for path in old)
    assert len(files_in(roots[1])) == 3  # the original and the two old web versions
