"""The manifest of a backup: what it holds, with sizes and SHA-256, and what made it."""

import json
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from .errors import BackupError
from .files import hash_path, open_private, sync

FORMAT = 1
NAME = "manifest.json"
MAX_PROBLEMS_SHOWN = 10


def relais_version():
    try:
        return version("relais")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return "unknown"


def applied_migrations():
    """Return the applied migrations as sorted "app.name" strings."""
    applied = MigrationRecorder(connection).applied_migrations()
    return sorted(f"{app}.{name}" for app, name in applied)


def write(folder, engine, database_file, files, created_at):
    """Write the manifest of a backup folder; `files` maps relative paths to (size, sha256)."""
    manifest = {
        "format": FORMAT,
        "relais_version": relais_version(),
        "created_at": created_at.isoformat(),
        "database": {"engine": engine, "file": database_file},
        "migrations": applied_migrations(),
        "files": [
            {"path": path, "size": size, "sha256": sha256}
            for path, (size, sha256) in sorted(files.items())
        ],
    }
    with open_private(Path(folder, NAME)) as target:
        target.write(json.dumps(manifest, indent=2).encode())
        sync(target)
    return manifest


def read(folder):
    """Return the manifest of a backup folder, refusing a folder that has none."""
    path = Path(folder, NAME)
    if not path.is_file():
        raise BackupError(
            f"{folder} has no {NAME}: it is not a Relais backup, or a backup that did not "
            "finish. Nothing was changed."
        )
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{path} cannot be read ({exc}). Nothing was changed.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not in a format this Relais knows. Nothing was changed.")
    if not _well_formed(manifest):
        raise BackupError(f"{path} is incomplete. Nothing was changed.")
    return manifest


def _well_formed(manifest):
    try:
        datetime.fromisoformat(manifest["created_at"])
        return (
            isinstance(manifest["database"]["engine"], str)
            and isinstance(manifest["relais_version"], str)
            and all(
                isinstance(entry["path"], str)
                and isinstance(entry["size"], int)
                and isinstance(entry["sha256"], str)
                for entry in manifest["files"]
            )
            and isinstance(manifest["migrations"], list)
        )
    except (KeyError, TypeError, ValueError):
        return False


def _safe(path):
    """Return whether a path of the manifest stays inside the backup folder."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts


def _listed_problems(folder, entries):
    for entry in entries:
        path = entry["path"]
        if not _safe(path):
            yield f"{path}: a path outside the backup"
            continue
        file = Path(folder, path)
        if not file.is_file():
            yield f"{path}: missing"
        elif hash_path(file) != (entry["size"], entry["sha256"]):
            yield f"{path}: its size or checksum differs from the manifest"


def _unlisted_files(folder, entries):
    listed = {entry["path"] for entry in entries} | {NAME}
    for file in sorted(Path(folder).rglob("*")):
        relative = file.relative_to(folder).as_posix()
        if file.is_file() and relative not in listed:
            yield f"{relative}: not in the manifest"


def verify(folder, engine, database_file):
    """Check a backup before anything is touched; return its manifest or raise BackupError."""
    manifest = read(folder)
    if manifest["database"]["engine"] != engine:
        raise BackupError(
            f"This backup holds a {manifest['database']['engine']} database and this site "
            f"runs on {engine}: restore it on a site of the same engine. Nothing was changed."
        )
    entries = manifest["files"]
    if database_file not in {entry["path"] for entry in entries}:
        raise BackupError(f"This backup has no {database_file}. Nothing was changed.")
    problems = [*_listed_problems(folder, entries), *_unlisted_files(folder, entries)]
    if problems:
        shown = "\n  ".join(problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        raise BackupError(
            f"This backup is damaged or was changed ({len(problems)} problem(s)). "
            f"Nothing was changed.\n  {shown}" + (f"\n  … and {more} more" if more > 0 else "")
        )
    _check_migrations_known(manifest)
    return manifest


def _check_migrations_known(manifest):
    """Refuse a backup made by a newer Relais, whose tables this code does not know."""
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    known_names = {f"{app}.{name}" for app, name in known}
    unknown = sorted(set(manifest["migrations"]) - known_names)
    if unknown:
        raise BackupError(
            f"This backup was made by a newer Relais ({manifest['relais_version']}): "
            f"migrations {', '.join(unknown[:5])} are unknown here. Install that version "
            "first. Nothing was changed."
        )
