"""What a crash may leave in media storage: unfinished writes, orphan files, missing files.

Every file Relais keeps is named by a row: a file field of some model (testimony photos
and recordings, Wagtail images and renditions, documents, audio capsules), or a file
derived from one (a photo's preview, declared by the model in ``derived_file_suffixes``).
A crash between writing a file and committing its row leaves an orphan; a crash while
writing leaves a temporary ``.relais-….part`` file (see ``storage``). Both are found here
and removed by ``manage.py check_media --fix`` once older than a minimum age, so that
files a running server is still writing are never touched.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from posixpath import join

from django.apps import apps
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models

from .storage import delete_quietly, is_temporary_name

DEFAULT_MIN_AGE = timedelta(hours=1)


@dataclass(frozen=True)
class StoredFile:
    storage: object
    name: str
    modified: datetime

    def __str__(self):
        return join(storage_label(self.storage), self.name)


@dataclass
class MediaCheck:
    """What check_media found: files to remove, and rows whose file is missing."""

    temporary: list = field(default_factory=list)  # unfinished writes
    orphans: list = field(default_factory=list)  # complete files that no row names
    missing: list = field(default_factory=list)  # "storage/name" of files rows name

    def removable(self, before):
        """Return the temporary and orphan files last written before `before`."""
        return [f for f in self.temporary + self.orphans if f.modified < before]


def storage_key(storage):
    """Return what identifies a storage's files: two instances of one folder are one."""
    if isinstance(storage, FileSystemStorage):
        return ("filesystem", storage.location)
    return (type(storage).__name__, getattr(storage, "bucket_name", ""), storage.location)


def storage_label(storage):
    if isinstance(storage, FileSystemStorage):
        return storage.location
    return f"{type(storage).__name__}:{getattr(storage, 'bucket_name', '')}/{storage.location}"


def named_files():
    """Return {storage key: (storage, names rows point at, names derived from them)}."""
    found = {storage_key(default_storage): (default_storage, set(), set())}
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        suffixes = getattr(model, "derived_file_suffixes", {})
        for model_field in model._meta.concrete_fields:
            if not isinstance(model_field, models.FileField):
                continue
            storage = model_field.storage
            _, names, derived = found.setdefault(storage_key(storage), (storage, set(), set()))
            values = model._base_manager.exclude(**{model_field.attname: ""})
            field_names = set(values.values_list(model_field.attname, flat=True)) - {None}
            names |= field_names
            for suffix in suffixes.get(model_field.name, ()):
                derived |= {name + suffix for name in field_names}
    return found


def stored_files(storage, folder=""):
    """Yield every file of a storage, walking its folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a folder nothing was ever written to
        return
    for name in files:
        path = join(folder, name) if folder else name
        yield StoredFile(storage, path, storage.get_modified_time(path))
    for name in folders:
        yield from stored_files(storage, join(folder, name) if folder else name)


def check_media():
    """Compare every storage's files with the rows that name them."""
    result = MediaCheck()
    for storage, names, derived in named_files().values():
        present = set()
        for stored in stored_files(storage):
            present.add(stored.name)
            if stored.name in names or stored.name in derived:
                continue
            if is_temporary_name(stored.name):
                result.temporary.append(stored)
            else:
                result.orphans.append(stored)
        result.missing += sorted(join(storage_label(storage), n) for n in names - present)
    return result


def remove(files):
    """Delete the given stored files."""
    delete_quietly([(f.storage, f.name) for f in files])
