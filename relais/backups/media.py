"""Copy both media folders out of their storages and back, through Django's storage API.

Going through the storage API rather than the file system lets the same code copy media
kept in an S3-compatible bucket.
"""

import os
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages as configured_storages

from relais.media.storage import is_temporary_name

from .errors import BackupError
from .files import hash_file, open_private, sync


def storages():
    """Return the storages to back up (STORAGES "default" and "private"), by folder name."""
    return {"media": configured_storages["default"], "private": configured_storages["private"]}


def stored_names(storage, folder=""):
    """Yield the name of every file in a storage, walking its folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local media folder not created yet holds nothing
        return
    for name in sorted(files):
        yield f"{folder}{name}"
    for name in sorted(folders):
        yield from stored_names(storage, f"{folder}{name}/")


def copy_out(storage, target_dir):
    """Copy every file of a storage under `target_dir`; return {name: (size, sha256)}.

    A write still under its temporary name (an upload in progress, or one that a crash
    interrupted) is not a file of the site yet: it is left out, and a restore removes it.
    """
    copied = {}
    for name in stored_names(storage):
        if is_temporary_name(name):
            continue
        try:
            source = storage.open(name, "rb")
        except FileNotFoundError:  # erased since it was listed (a withdrawal meanwhile)
            continue
        with source, open_private(Path(target_dir, name)) as target:
            copied[name] = hash_file(source, copy_to=target)
            sync(target)
    return copied


def _holds(storage, name, size, sha256):
    if storage.size(name) != size:
        return False
    with storage.open(name, "rb") as stored:
        return hash_file(stored) == (size, sha256)


def replace(storage, source_dir, wanted):
    """Make a storage hold exactly the files `wanted` ({name: (size, sha256)}) of `source_dir`.

    A file the backup does not have is deleted, so that restoring after an erasure keeps
    nothing erased; a file already identical is left alone.
    """
    for name in list(stored_names(storage)):
        if name not in wanted or not _holds(storage, name, *wanted[name]):
            storage.delete(name)
    for name in wanted:
        if storage.exists(name):
            continue
        with open(Path(source_dir, name), "rb") as source:
            saved = storage.save(name, File(source, name=name))
        if saved != name:
            raise BackupError(f"The storage renamed {name} to {saved}.")
    _remove_empty_folders(storage)


def _remove_empty_folders(storage):
    """On a local disk, remove the folders left empty (their names may tell of erased files)."""
    try:
        root = storage.path("")
    except NotImplementedError:  # object storage has no folders of its own
        return
    for folder, _subfolders, _files in os.walk(root, topdown=False):
        if folder != root and not os.listdir(folder):
            os.rmdir(folder)
