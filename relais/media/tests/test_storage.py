"""A file appears under its final name only once complete; a failed write leaves nothing."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from relais.media.storage import (
    AtomicFileSystemStorage,
    atomic_with_files,
    is_temporary_name,
)

ROOT = Path(__file__).resolve().parents[3]


class BrokenUpload(File):
    """An upload whose reading fails after its first chunk, like a dropped connection."""

    def __init__(self):
        super().__init__(None, name="photo.jpg")
        self.size = 2 * 1024 * 1024

    def chunks(self, chunk_size=None):
        yield b"\xff\xd8" + b"x" * 1000
        raise OSError("connection reset while reading the upload")


def files_in(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())


@pytest.fixture
def storage(tmp_path):
    return AtomicFileSystemStorage(location=tmp_path)


def test_a_saved_file_holds_the_whole_content_under_its_final_name(storage, tmp_path):
    content = os.urandom(3 * 1024 * 1024 + 17)  # several chunks
    name = storage.save("collect/7/photo", ContentFile(content))
    assert name == "collect/7/photo"
    assert (tmp_path / name).read_bytes() == content
    assert files_in(tmp_path) == ["collect/7/photo"]  # no temporary file left behind


def test_an_upload_spooled_to_disk_is_copied_whole(storage, tmp_path):
    upload = TemporaryUploadedFile("long.webm", "audio/webm", 0, None)
    upload.write(b"sound" * 100_000)
    upload.seek(0)
    name = storage.save("audio/long.webm", upload)
    assert (tmp_path / name).read_bytes() == b"sound" * 100_000
    assert files_in(tmp_path) == ["audio/long.webm"]


def test_a_write_that_fails_midway_leaves_no_file_at_all(storage, tmp_path):
    with pytest.raises(OSError, match="connection reset"):
        storage.save("collect/7/photo", BrokenUpload())
    assert not storage.exists("collect/7/photo")
    assert files_in(tmp_path) == []


def test_a_name_taken_meanwhile_is_never_overwritten(storage, tmp_path):
    """Two saves of one name at once: the second gets another name, as Django does."""
    storage.save("images/photo.jpg", ContentFile(b"first"))
    name = storage._save("images/photo.jpg", ContentFile(b"second"))  # name chosen before
    assert name != "images/photo.jpg" and name.startswith("images/photo_")
    assert (tmp_path / "images/photo.jpg").read_bytes() == b"first"
    assert (tmp_path / name).read_bytes() == b"second"
    assert len(files_in(tmp_path)) == 2


def test_without_hard_links_files_are_moved_into_place_all_the_same(storage, tmp_path, monkeypatch):
    def no_links(source, target):
        raise PermissionError("hard links are not supported here")

    monkeypatch.setattr(os, "link", no_links)
    storage.save("images/photo.jpg", ContentFile(b"first"))
    name = storage._save("images/photo.jpg", ContentFile(b"second"))
    assert (tmp_path / "images/photo.jpg").read_bytes() == b"first"
    assert (tmp_path / name).read_bytes() == b"second"
    assert len(files_in(tmp_path)) == 2


def test_an_overwriting_storage_replaces_the_file_whole(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path, allow_overwrite=True)
    storage.save("thumb.jpg", ContentFile(b"old"))
    assert storage.save("thumb.jpg", ContentFile(b"new")) == "thumb.jpg"
    assert (tmp_path / "thumb.jpg").read_bytes() == b"new"
    assert files_in(tmp_path) == ["thumb.jpg"]


def test_files_get_the_configured_permissions(tmp_path, settings):
    settings.FILE_UPLOAD_PERMISSIONS = 0o640
    storage = AtomicFileSystemStorage(location=tmp_path)
    name = storage.save("photo", ContentFile(b"data"))
    assert (tmp_path / name).stat().st_mode & 0o777 == 0o640


KILLED_WRITER = """
import sys, time
from django.conf import settings
settings.configure()
from django.core.files import File
from relais.media.storage import AtomicFileSystemStorage

class SlowUpload(File):
    def __init__(self):
        super().__init__(None, name="recording.webm")
        self.size = 10**9
    def chunks(self, chunk_size=None):
        yield b"first half of the recording"
        print("writing", flush=True)
        time.sleep(60)  # killed here
        yield b"second half"

AtomicFileSystemStorage(location=sys.argv[1]).save("collect/9/audio", SlowUpload())
"""


def test_a_process_killed_midwrite_leaves_only_a_temporary_file(tmp_path):
    """kill -9 during a save: no half file under the final name, a .part for check_media."""
    writer = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", textwrap.dedent(KILLED_WRITER), str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "writing"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    left = files_in(tmp_path)
    assert "collect/9/audio" not in left
    assert len(left) == 1 and is_temporary_name(left[0])


@pytest.mark.django_db
def test_files_saved_in_a_rolled_back_block_are_deleted(storage, tmp_path):
    with pytest.raises(RuntimeError), atomic_with_files():
        storage.save("collect/1/photo", ContentFile(b"photo"))
        raise RuntimeError("the insert failed")
    assert files_in(tmp_path) == []


@pytest.mark.django_db
def test_files_saved_in_a_committed_block_stay(storage, tmp_path):
    with atomic_with_files():
        storage.save("collect/1/photo", SimpleUploadedFile("p.jpg", b"photo"))
    assert files_in(tmp_path) == ["collect/1/photo"]


@pytest.mark.django_db
def test_an_outer_rollback_deletes_the_files_of_inner_blocks_too(storage, tmp_path):
    with pytest.raises(RuntimeError), atomic_with_files():
        with atomic_with_files():
            storage.save("images/a.jpg", ContentFile(b"a"))
        storage.save("audio/b.mp3", ContentFile(b"b"))
        raise RuntimeError("the story could not be saved")
    assert files_in(tmp_path) == []


def test_only_unfinished_writes_have_temporary_names():
    assert is_temporary_name("collect/3/.relais-0123456789abcdef.part")
    assert not is_temporary_name("collect/3/0123456789abcdef")
    assert not is_temporary_name("original_images/relais-photo.part.jpg")
