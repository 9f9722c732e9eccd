"""Where Relais keeps files: written so that a crash cannot leave them half-written.

``AtomicFileSystemStorage`` writes every file under a temporary name in its final folder,
flushes it to disk, and only then gives it its final name: after a crash (a killed
worker, a full disk) a final name always holds a complete file, and what is left over is
a temporary file named ``.relais-….part``, which ``manage.py check_media`` finds and
removes. It backs the default storage and the local private storage.

Private media (testimonies' originals) never get a URL: Relais serves them only through
its own permission-checked views (``relais.media.private``); a URL to one would be a way
around those checks, so asking for it is a programming error. ``STORAGES["private"]``
chooses their backend: a local folder by default, or a bucket of its own on S3-compatible
storage, so that several app servers share them.

``atomic_with_files`` is ``transaction.atomic`` for code that saves files and the rows
that point at them: when the block rolls back, the files saved inside it are deleted, so a
failed transaction leaves no orphan. A process killed mid-transaction runs no code at all:
its files are orphans that ``check_media`` finds (docs/crash-safety.md).
"""

import contextvars
import logging
import os
import secrets
from contextlib import contextmanager

from storages.backends.s3 import S3Storage

from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils._os import safe_makedirs
from django.utils.deconstruct import deconstructible

logger = logging.getLogger(__name__)

TEMP_PREFIX = ".relais-"
TEMP_SUFFIX = ".part"
COPY_CHUNK_BYTES = 1024 * 1024

# The files saved inside the innermost atomic_with_files block, as (storage, name).
_saved_in_block = contextvars.ContextVar("relais_saved_in_block", default=None)


def is_temporary_name(name):
    """Return whether a stored name is one of this module's unfinished writes."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.startswith(TEMP_PREFIX) and base.endswith(TEMP_SUFFIX)


def fsync_directory(directory):
    """Make a rename in directory durable: the folder's entry is flushed with the file."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@deconstructible(path="relais.media.storage.AtomicFileSystemStorage")
class AtomicFileSystemStorage(FileSystemStorage):
    """A FileSystemStorage whose files appear under their final name only once complete."""

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        temporary = self._write_temporary(directory, content)
        try:
            full_path = self._place(temporary, full_path)
        finally:
            if os.path.lexists(temporary):
                os.unlink(temporary)
        fsync_directory(directory)
        name = self._relative(full_path)
        remember_saved(self, name)
        return name

    def _write_temporary(self, directory, content):
        """Copy content to a new temporary file in directory, flushed to disk; return its path."""
        path = os.path.join(directory, f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")
        # Created like Django creates files (0o666 less the umask), never over another file.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            with os.fdopen(fd, "wb") as target:
                for chunk in content.chunks(COPY_CHUNK_BYTES):
                    target.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                target.flush()
                os.fsync(target.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(path, self.file_permissions_mode)
        except BaseException:
            os.unlink(path)
            raise
        return path

    def _place(self, temporary, full_path):
        """Give the complete temporary file its final name; return the path it got."""
        if self._allow_overwrite:
            os.replace(temporary, full_path)
        else:
            full_path = self._link_to_free_name(temporary, full_path)
        self._ensure_location_group_id(full_path)
        return full_path

    def _link_to_free_name(self, temporary, full_path):
        """Link the file under full_path, or under another name if that one is taken.

        Unlike os.replace, a hard link never overwrites: when the name was taken meanwhile
        (two saves of one name at once), another is chosen, as Django does. The caller then
        unlinks the temporary name. Where hard links are not supported, os.replace is used
        once the name is found free.
        """
        while True:
            try:
                os.link(temporary, full_path)
                return full_path
            except FileExistsError:
                pass
            except OSError:  # no hard links on this file system
                if not os.path.exists(full_path):
                    os.replace(temporary, full_path)
                    return full_path
            full_path = self.path(self.get_available_name(self._relative(full_path)))

    def _relative(self, full_path):
        return os.path.relpath(full_path, self.location).replace("\\", "/")


class NoURLMixin:
    def url(self, name, *args, **kwargs):
        """Refuse: a private file is served by a view that checks who asks, never linked to."""
        raise NotImplementedError(
            "Private media have no URL: serve them through a permission-checked view."
        )


class PrivateFileSystemStorage(NoURLMixin, AtomicFileSystemStorage):
    """Private media in a local folder, outside MEDIA_ROOT (one machine, or a shared volume)."""


class PrivateS3Storage(NoURLMixin, S3Storage):
    """Private media in a bucket that allows no anonymous read.

    No ACL is sent with uploads: objects are then private, and buckets whose ACLs are
    disabled (S3 Object Ownership "bucket owner enforced") refuse any other ACL anyway.
    """

    default_acl = None
    querystring_auth = True  # should a URL ever be made by a subclass, it is signed
    querystring_expire = 60
    custom_domain = None  # never the public media host


def remember_saved(storage, name):
    """Note a saved file, so that the enclosing atomic_with_files block can delete it."""
    saved = _saved_in_block.get()
    if saved is not None:
        saved.append((storage, name))


@contextmanager
def atomic_with_files(using=None):
    """Run a block in a transaction; if it rolls back, delete the files it saved.

    Usable as a decorator. Nested in another such block, the files are handed to it on
    success: they stay only if the outermost block commits.
    """
    saved = []
    token = _saved_in_block.set(saved)
    try:
        with transaction.atomic(using=using):
            yield
    except BaseException:
        _saved_in_block.reset(token)
        delete_quietly(saved)
        raise
    _saved_in_block.reset(token)
    enclosing = _saved_in_block.get()
    if enclosing is not None:
        enclosing.extend(saved)


def delete_quietly(saved):
    """Delete (storage, name) pairs; a failure is logged, and check_media finds the file."""
    for storage, name in saved:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not delete the stored file %s", name, exc_info=True)


def delete_on_commit(storage, *names):
    """Delete stored files once the transaction commits: a rollback keeps what rows point at."""
    saved = [(storage, name) for name in names if name]
    transaction.on_commit(lambda: delete_quietly(saved))
