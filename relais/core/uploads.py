"""Helpers for uploaded files, shared by every app that checks uploads by their content."""

import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def local_copy(upload):
    """Yield a path on disk holding the upload, spooling in-memory uploads to a temporary file."""
    if hasattr(upload, "temporary_file_path"):
        yield Path(upload.temporary_file_path())
        return
    with tempfile.NamedTemporaryFile(prefix="relais-upload-") as spool:
        for chunk in upload.chunks():
            spool.write(chunk)
        spool.flush()
        upload.seek(0)
        yield Path(spool.name)
