"""`manage.py backup DIR`: a complete, private folder, or nothing that looks like one."""

import hashlib
import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import connection

from relais.backups import media, services


def only_backup(directory):
    (folder,) = Path(directory).iterdir()
    return folder


@pytest.mark.django_db(transaction=True)
def test_backup_holds_database_media_and_a_manifest_of_every_file(tmp_path, stored_files):
    """The manifest lists the database and every media file with its size and SHA-256."""
    call_command("backup", str(tmp_path / "backups"))
    folder = only_backup(tmp_path / "backups")
    assert folder.name.startswith("relais-backup-")
    manifest = json.loads((folder / "manifest.json").read_text())
    database_file = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[
        connection.vendor
    ]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == {
        database_file,
        "media/original_images/jardin.png",
        "private/collect/7/3f2a",
        "private/collect/7/3f2a.vignette.jpg",
    }
    for path, entry in listed.items():
        data = (folder / path).read_bytes()
        assert entry["size"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert (folder / "private/collect/7/3f2a").read_bytes() == b"private recording bytes"
    assert manifest["database"] == {"engine": connection.vendor, "file": database_file}
    assert "collect.0001_initial" in manifest["migrations"]
    assert manifest["relais_version"]
    assert datetime.fromisoformat(manifest["created_at"]).tzinfo is not None


@pytest.mark.django_db(transaction=True)
def test_backup_is_readable_by_its_owner_only(tmp_path, stored_files):
    """Backups hold personal data: folders 0700 (DIR included), files 0600."""
    call_command("backup", str(tmp_path / "backups" / "nightly"))
    modes = {
        path: stat.S_IMODE(path.stat().st_mode)
        for path in [tmp_path / "backups", *sorted((tmp_path / "backups").rglob("*"))]
    }
    assert len(modes) > 8
    wrong = {
        str(path): oct(mode)
        for path, mode in modes.items()
        if mode != (0o700 if path.is_dir() else 0o600)
    }
    assert wrong == {}


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_backup_leaves_no_folder(tmp_path, stored_files, monkeypatch):
    """A backup that fails half-way (disk full, killed) leaves nothing behind in DIR."""
    copied, copy_out = [], media.copy_out

    def copy_out_then_fail(storage, target_dir):
        if copied:
            raise OSError("No space left on device")
        copied.append(copy_out(storage, target_dir))
        return copied[-1]

    monkeypatch.setattr(media, "copy_out", copy_out_then_fail)
    with pytest.raises(OSError, match="No space left"):
        call_command("backup", str(tmp_path / "backups"))
    assert "original_images/jardin.png" in copied[0]  # the failure came after a first copy
    assert list((tmp_path / "backups").iterdir()) == []


@pytest.mark.django_db(transaction=True)
def test_keep_days_expires_old_backups_only(tmp_path, media_roots):
    """Backups older than the retention are deleted; other folders of DIR are left alone."""
    backups = tmp_path / "backups"
    old, _ = services.create_backup(backups, now=datetime(2025, 1, 1, 2, tzinfo=UTC))
    recent, _ = services.create_backup(backups, now=datetime(2025, 3, 25, 2, tzinfo=UTC))
    stale_work = backups / ".relais-backup-20250329T020000Z-x1y2.partial"
    running_work = backups / ".relais-backup-20250331T015500Z-z3w4.partial"
    other = backups / "notes"
    for folder in (stale_work, running_work, other):
        folder.mkdir()

    expired = services.expire_backups(backups, 7, now=datetime(2025, 3, 31, 2, tzinfo=UTC))

    assert sorted(expired) == sorted([old, stale_work])
    assert sorted(backups.iterdir()) == sorted([recent, running_work, other])


@pytest.mark.django_db(transaction=True)
def test_backup_command_expires_with_keep_days(tmp_path, media_roots):
    services.create_backup(tmp_path, now=datetime(2020, 1, 1, tzinfo=UTC))
    call_command("backup", str(tmp_path), "--keep-days", "92")
    (folder,) = tmp_path.iterdir()
    assert not folder.name.startswith("relais-backup-2020")


@pytest.mark.django_db(transaction=True)
def test_unfinished_writes_are_left_out_and_a_restore_removes_them(tmp_path, stored_files):
    """A file still under its temporary name is no file of the site: not backed up, and
    a restore clears it away."""
    unfinished = stored_files[0] / "original_images" / ".relais-4f2a.part"
    unfinished.write_bytes(b"half an upload")
    call_command("backup", str(tmp_path / "backups"))
    folder = only_backup(tmp_path / "backups")
    listed = {
        entry["path"] for entry in json.loads((folder / "manifest.json").read_text())["files"]
    }
    assert "media/original_images/jardin.png" in listed
    assert not any(path.endswith(".part") for path in listed)

    call_command("restore", str(folder), "--no-input")

    assert not unfinished.exists()
    assert (stored_files[0] / "original_images" / "jardin.png").exists()


@pytest.mark.django_db(transaction=True)
def test_a_file_erased_during_the_backup_is_skipped(tmp_path, stored_files, monkeypatch):
    """A withdrawal between the listing of a folder and the copy does not fail the backup."""
    stored_names = media.stored_names

    def listing_with_a_vanished_file(storage, folder=""):
        yield from stored_names(storage, folder)
        if folder == "":
            yield "collect/7/erased-meanwhile"

    monkeypatch.setattr(media, "stored_names", listing_with_a_vanished_file)
    call_command("backup", str(tmp_path / "backups"))
    folder = only_backup(tmp_path / "backups")
    listed = {
        entry["path"] for entry in json.loads((folder / "manifest.json").read_text())["files"]
    }
    assert "private/collect/7/3f2a" in listed
    assert not any(path.endswith("erased-meanwhile") for path in listed)
    assert not list(folder.rglob("erased-meanwhile"))
