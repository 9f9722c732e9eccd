"""The restore drill of docs/backups.md, on the demo: back up, wipe, restore, compare."""

import shutil
from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from relais.backups.tests.snapshots import all_files, all_rows
from relais.collect import services
from relais.collect.models import InterviewQuestion, Testimony
from relais.collect.tests.factories import AnswerFactory, TestimonyFactory
from relais.demo.media import illustration, speech_mp3


def media_roots():
    return Path(settings.MEDIA_ROOT), Path(settings.RELAIS_PRIVATE_MEDIA_ROOT)


def empty(folder):
    for child in folder.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


@pytest.fixture
def media_put_back(tmp_path):
    """Copy both media folders aside and put them back afterwards, whatever the drill did.

    The demo's pictures live in the session's media folder and the next tests need them.
    """
    kept = tmp_path / "kept"
    for index, root in enumerate(media_roots()):
        root.mkdir(parents=True, exist_ok=True)
        shutil.copytree(root, kept / str(index))
    yield
    for index, root in enumerate(media_roots()):
        empty(root)
        shutil.copytree(kept / str(index), root, dirs_exist_ok=True)


def add_testimony_with_media():
    """An ambassador's testimony with an answer, a photo and a recording (encoded versions too)."""
    testimony = TestimonyFactory(title="Le potager de la rue des Écoles")
    AnswerFactory(
        testimony=testimony,
        question=InterviewQuestion.objects.first(),
        text="Nous avons commencé à quatre, un samedi matin.",
    )
    photo = SimpleUploadedFile("potager.png", illustration("Le potager"), "image/png")
    services.add_photo(testimony, photo, "Quatre personnes bêchent une parcelle.")
    recording = SimpleUploadedFile("potager.mp3", speech_mp3("Bonjour, je raconte."), "audio/mpeg")
    services.add_recording(testimony, recording, "Bonjour, je raconte.")  # encoded on commit
    return testimony


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_gives_back_every_row_and_every_file(tmp_path, media_put_back):
    """After a wipe, restoring the backup gives back every row of every table and every byte
    of both media folders; new rows then get fresh ids."""
    testimony = add_testimony_with_media()
    photo, recording = testimony.photos.get(), testimony.recordings.get()
    assert recording.status == "ready"  # its web versions are encoded
    rows, files = all_rows(), all_files(*media_roots())
    public, private = (files[str(root)] for root in media_roots())
    assert any(name.startswith("original_images/") for name in public)  # the demo's pictures
    testimony_files = {photo.file.name, photo.thumbnail_name}
    testimony_files |= {stored.name for stored in recording.files()}
    assert len(testimony_files) == 5 and testimony_files <= set(private)

    call_command("backup", str(tmp_path / "backups"))
    (backup,) = (tmp_path / "backups").iterdir()
    call_command("flush", interactive=False, verbosity=0)
    for root in media_roots():
        empty(root)
    assert not Testimony.objects.exists() and all_files(*media_roots()) == {
        str(root): {} for root in media_roots()
    }

    call_command("restore", str(backup), "--no-input")

    assert all_rows() == rows
    assert all_files(*media_roots()) == files
    assert TestimonyFactory().pk > testimony.pk  # sequences came back with the rows
