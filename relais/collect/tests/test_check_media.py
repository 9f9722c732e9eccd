"""`manage.py check_media` finds what a crash leaves in storage, and --fix removes it."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

from relais.collect import services
from relais.media.storage import TEMP_PREFIX, TEMP_SUFFIX
from relais.stories.tests.factories import AudioCapsuleFactory

TWO_HOURS = 2 * 3600


def leftover(folder, name, age_seconds=TWO_HOURS, content=b"left by a crash"):
    """Write a file as a crash would leave it, last modified age_seconds ago."""
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def check_media(*args):
    out = StringIO()
    call_command("check_media", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def kept(roots, testimony_a, png_upload):
    """A photo with its preview and an audio capsule: files that rows point at."""
    photo = services.add_photo(testimony_a, png_upload, "Le jardin")
    capsule = AudioCapsuleFactory()
    paths = [Path(photo.file.path), Path(photo.file.storage.path(photo.thumbnail_name))]
    paths.append(Path(capsule.file.path))
    for path in paths:
        os.utime(path, (time.time() - TWO_HOURS,) * 2)  # old enough to be removed if unused
    return paths


@pytest.mark.django_db
def test_the_report_lists_orphans_and_unfinished_writes_and_deletes_nothing(roots, kept):
    media, private = roots
    orphan = leftover(private, "collect/1/0123abcd")
    part = leftover(media, f"original_images/{TEMP_PREFIX}99aa{TEMP_SUFFIX}")
    report = check_media()
    assert f"orphan: {orphan}" in report
    assert f"unfinished write: {part}" in report
    assert "1 unfinished writes, 1 orphans (2 to delete with --fix)" in report
    assert orphan.exists() and part.exists()
    assert not any(str(path) in report for path in kept)


@pytest.mark.django_db
def test_fix_deletes_old_leftovers_and_keeps_what_rows_use(roots, kept):
    media, private = roots
    orphan = leftover(private, "collect/1/0123abcd")
    part = leftover(private, f"collect/1/{TEMP_PREFIX}99aa{TEMP_SUFFIX}")
    image = leftover(media, "original_images/temoignage-3.png")
    check_media("--fix")
    assert not orphan.exists() and not part.exists() and not image.exists()
    assert all(path.exists() for path in kept)


@pytest.mark.django_db
def test_fix_leaves_files_a_running_server_may_still_be_writing(roots):
    media, private = roots
    young = leftover(private, "collect/1/0123abcd", age_seconds=60)
    writing = leftover(media, f"audio/{TEMP_PREFIX}77bb{TEMP_SUFFIX}", age_seconds=60)
    report = check_media("--fix")
    assert young.exists() and writing.exists()
    assert "(kept: newer than 60 min)" in report
    check_media("--fix", "--min-age", "0")  # at start-up, before the server runs
    assert not young.exists() and not writing.exists()


@pytest.mark.django_db
def test_a_row_whose_file_is_gone_is_reported_missing(roots, testimony_a, png_upload):
    photo = services.add_photo(testimony_a, png_upload, "Le jardin")
    os.remove(photo.file.path)
    report = check_media("--fix")
    assert f"missing: {photo.file.path} (a row points at it)" in report
    assert testimony_a.photos.filter(pk=photo.pk).exists()  # nothing to repair automatically
