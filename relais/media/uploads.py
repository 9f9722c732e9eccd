"""What every upload goes through first: a size check, a file on disk, a safe name."""

import tempfile
import unicodedata
from contextlib import contextmanager
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DISPLAY_NAME_MAX_LENGTH = 100
DISPLAY_NAME_FALLBACK = "fichier"
# Control, format (bidi overrides, zero-width), surrogate, private-use and unassigned
# characters, and line/paragraph separators never belong in a file name shown to people.
UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
RESERVED_CHARACTERS = set('<>:"|?*;')


class MediaRejected(Exception):
    """An upload refused for what it contains; ``message`` is shown to the user."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def check_size(upload, max_bytes, too_large_message):
    """Refuse an empty upload or one larger than max_bytes (the message gets the limit)."""
    if not upload.size:
        raise MediaRejected(_("This file is empty."), "empty")
    if upload.size > max_bytes:
        raise MediaRejected(too_large_message % {"max": filesizeformat(max_bytes)}, "too_large")


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


def safe_display_name(filename):
    """Return a file name that is safe to show and to send in a header; never empty."""
    name = unicodedata.normalize("NFKC", str(filename or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in UNSAFE_CATEGORIES)
    name = "".join("_" if c in RESERVED_CHARACTERS else c for c in name)
    name = " ".join(name.split()).strip(". ")
    return truncate_name(name, DISPLAY_NAME_MAX_LENGTH) or DISPLAY_NAME_FALLBACK


def truncate_name(name, limit):
    """Shorten name to limit characters, keeping a short extension when there is one."""
    if len(name) <= limit:
        return name
    stem, dot, extension = name.rpartition(".")
    if dot and stem and len(extension) <= 10:
        return stem[: limit - len(extension) - 1].rstrip(". ") + "." + extension
    return name[:limit].rstrip(". ")
