"""Files only their owner can read, written and checked chunk by chunk."""

import hashlib
import os
import shutil
from pathlib import Path

CHUNK_BYTES = 1024 * 1024
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def open_private(path):
    """Create `path` for writing, readable by its owner only; refuse to overwrite a file.

    The mode is given at creation, so the personal data in a backup is never readable by
    others, not even for the moment between a create and a chmod.
    """
    make_private_dirs(Path(path).parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    return os.fdopen(descriptor, "wb")


def make_private_dirs(path):
    """Create a folder and its missing parents, each readable by its owner only.

    (Path.mkdir gives `mode` to the last folder only; the parents get the umask's.)
    """
    path = Path(path)
    if path.is_dir():
        return
    make_private_dirs(path.parent)
    path.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)


def hash_file(source, copy_to=None):
    """Return (size, SHA-256 hex digest) of an open binary file, copying it on the way."""
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
        if copy_to is not None:
            copy_to.write(chunk)
    return size, digest.hexdigest()


def hash_path(path):
    with open(path, "rb") as source:
        return hash_file(source)


def sync(file):
    """Push a written file to the disk before the backup is declared complete."""
    file.flush()
    os.fsync(file.fileno())


def sync_directory(path):
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_tree(path):
    shutil.rmtree(path, ignore_errors=True)
