"""Make a backup folder, restore one, and let old ones expire."""

import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Site

from relais.core.middleware import clear_page_cache

from . import database, manifest, media
from .errors import BackupError
from .files import hash_path, make_private_dirs, remove_tree, sync_directory
from .signals import backup_restored

PREFIX = "relais-backup-"
STAMP = "%Y%m%dT%H%M%SZ"


def create_backup(target_dir, now=None):
    """Write a new backup folder inside `target_dir`; return its path and manifest.

    Everything is written into a hidden working folder that is renamed into place once
    the manifest, written last, is on disk: a backup interrupted at any point leaves no
    folder that looks complete. The folders and files are readable by their owner only.
    """
    now = now or datetime.now(UTC)
    target = Path(target_dir)
    make_private_dirs(target)
    final = target / f"{PREFIX}{now.strftime(STAMP)}"
    if final.exists():
        raise BackupError(f"{final} exists already.")
    working = Path(tempfile.mkdtemp(prefix=f".{final.name}-", suffix=".partial", dir=target))
    try:
        written = _write_backup(working, now)
        os.rename(working, final)  # atomic on one file system
        sync_directory(target)
    except BaseException:
        remove_tree(working)
        raise
    return final, written


def _write_backup(folder, now):
    """Copy the database first, then the media: a file uploaded meanwhile is only extra."""
    engine = database.engine()
    database_file = database.FILE_NAMES[engine]
    database.dump(folder / database_file)
    files = {database_file: hash_path(folder / database_file)}
    for prefix, storage in media.storages().items():
        for name, checked in media.copy_out(storage, folder / prefix).items():
            files[f"{prefix}/{name}"] = checked
    return manifest.write(folder, engine, database_file, files, now)


def check_backup(folder):
    """Verify every checksum of a backup and that it fits this site; return its manifest."""
    engine = database.engine()
    return manifest.verify(Path(folder), engine, database.FILE_NAMES[engine])


def restore_backup(folder, confirm=lambda checked: True):
    """Replace the database and both media folders with a backup's, once it is verified.

    `confirm` is called with the verified manifest before anything is touched; when it
    returns False nothing is done and None is returned. Otherwise return the manifest and
    the lines the apps answered to `backup_restored` (the erasures they did again).
    """
    folder = Path(folder)
    checked = check_backup(folder)
    if not confirm(checked):
        return None
    database.load(folder / checked["database"]["file"])
    for prefix, storage in media.storages().items():
        media.replace(storage, folder / prefix, _files_under(checked, prefix))
    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()
    clear_page_cache()  # pages rendered from the replaced content
    made = datetime.fromisoformat(checked["created_at"])
    answers = backup_restored.send(sender=restore_backup, created_at=made)
    return checked, [line for _receiver, line in answers if line]


def _files_under(checked, prefix):
    start = f"{prefix}/"
    return {
        entry["path"].removeprefix(start): (entry["size"], entry["sha256"])
        for entry in checked["files"]
        if entry["path"].startswith(start)
    }


def expire_backups(target_dir, keep_days, now=None):
    """Delete the backups of `target_dir` made more than `keep_days` ago; return their paths.

    Working folders of interrupted backups older than a day go too. Only folders named
    as this command names them are considered.
    """
    now = now or datetime.now(UTC)
    expired = []
    for path in sorted(Path(target_dir).iterdir()):
        made = _made_at(path.name)
        if made is None or not path.is_dir():
            continue
        is_backup = path.name.startswith(PREFIX)
        if now - made > (timedelta(days=keep_days) if is_backup else timedelta(days=1)):
            remove_tree(path)
            expired.append(path)
    return expired


def _made_at(name):
    """Return when a backup (or an interrupted one's working folder) was made, from its name."""
    bare = name.removeprefix(".")
    if not bare.startswith(PREFIX):
        return None
    stamp = bare[len(PREFIX) : len(PREFIX) + len("20250101T000000Z")]
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
