"""`manage.py restore PATH`: all back as it was; a doubtful backup is refused, nothing touched."""

import json
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from relais.core.tests.factories import UserFactory

from .conftest import private_storage
from .snapshots import all_files, all_rows


def make_backup(directory):
    call_command("backup", str(directory))
    (folder,) = Path(directory).iterdir()
    return folder


def change_the_site():
    """What happens after a backup: an account is made, a file is added and one erased."""
    UserFactory(email="arrivee.apres@example.org")
    default_storage.save("original_images/nouvelle.png", ContentFile(b"added later"))
    private_storage().delete("collect/7/3f2a")
    private_storage().delete("collect/7/3f2a.vignette.jpg")


def accounts():
    return set(get_user_model().objects.values_list("email", flat=True))


@pytest.mark.django_db(transaction=True)
def test_restore_gives_back_every_row_and_file_and_drops_later_ones(tmp_path, stored_files):
    """Rows and files made after the backup go, erased ones come back, byte for byte."""
    UserFactory(email="avant@example.org")
    rows, files = all_rows(), all_files(*stored_files)
    folder = make_backup(tmp_path / "backups")
    change_the_site()
    assert (all_rows(), all_files(*stored_files)) != (rows, files)

    call_command("restore", str(folder), "--no-input")

    assert all_rows() == rows
    assert all_files(*stored_files) == files
    assert "arrivee.apres@example.org" not in accounts()
    assert not (stored_files[0] / "original_images" / "nouvelle.png").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_removes_folders_left_empty(tmp_path, stored_files):
    """A folder named after an erased testimony does not survive the restore."""
    folder = make_backup(tmp_path / "backups")
    private_storage().save("collect/8/9c1d", ContentFile(b"testimony 8, withdrawn later"))
    call_command("restore", str(folder), "--no-input")
    private_root = stored_files[1]
    assert sorted(p.relative_to(private_root).as_posix() for p in private_root.rglob("*")) == [
        "collect",
        "collect/7",
        "collect/7/3f2a",
        "collect/7/3f2a.vignette.jpg",
    ]


def tamper_with_a_file(folder):
    (folder / "private/collect/7/3f2a").write_bytes(b"private recording bytez")
    return "private/collect/7/3f2a"


def remove_a_file(folder):
    (folder / "media/original_images/jardin.png").unlink()
    return "media/original_images/jardin.png: missing"


def add_a_file(folder):
    (folder / "media/original_images/intrus.png").write_bytes(b"not from the backup")
    return "media/original_images/intrus.png: not in the manifest"


def point_outside(folder):
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"].append({"path": "../../etc/cron.d/x", "size": 1, "sha256": "0" * 64})
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return "../../etc/cron.d/x: a path outside the backup"


def drop_the_manifest(folder):
    (folder / "manifest.json").unlink()
    return "has no manifest.json"


def truncate_the_manifest(folder):
    manifest = folder / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:100])
    return "manifest.json cannot be read"


def claim_another_engine(folder):
    manifest = json.loads((folder / "manifest.json").read_text())
    other = "postgresql" if manifest["database"]["engine"] == "sqlite" else "sqlite"
    manifest["database"]["engine"] = other
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return f"holds a {other} database"


def come_from_a_newer_relais(folder):
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["migrations"].append("collect.9999_from_the_future")
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return "made by a newer Relais"


@pytest.mark.parametrize(
    "spoil",
    [
        tamper_with_a_file,
        remove_a_file,
        add_a_file,
        point_outside,
        drop_the_manifest,
        truncate_the_manifest,
        claim_another_engine,
        come_from_a_newer_relais,
    ],
)
@pytest.mark.django_db(transaction=True)
def test_a_doubtful_backup_is_refused_and_nothing_changes(tmp_path, stored_files, spoil):
    """Tampered, incomplete, foreign or future backups: a clear refusal, the site untouched."""
    folder = make_backup(tmp_path / "backups")
    change_the_site()
    rows, files = all_rows(), all_files(*stored_files)
    reason = spoil(folder)

    with pytest.raises(CommandError) as refusal:
        call_command("restore", str(folder), "--no-input")

    assert reason in str(refusal.value)
    assert "Nothing was changed." in str(refusal.value)
    assert all_rows() == rows
    assert all_files(*stored_files) == files


@pytest.mark.django_db(transaction=True)
def test_restore_asks_before_replacing_anything(tmp_path, stored_files, monkeypatch, capsys):
    """Without --no-input the operator must type yes; any other answer changes nothing."""
    folder = make_backup(tmp_path / "backups")
    change_the_site()
    rows = all_rows()
    questions = []
    monkeypatch.setattr("builtins.input", lambda question: questions.append(question) or "n")

    call_command("restore", str(folder))

    assert questions == ["Type 'yes' to restore, anything else to cancel: "]
    out = capsys.readouterr().out
    assert "REPLACE the whole database" in out
    assert "Restore cancelled; nothing was changed." in out
    assert all_rows() == rows
    monkeypatch.setattr("builtins.input", lambda question: "yes")
    call_command("restore", str(folder))
    assert "arrivee.apres@example.org" not in accounts()
