"""Media files of a pack, checked by their content through the site's one media pipeline.

Sizes are read from the file system before any byte is read; images go through the Pillow
probe in its sandboxed subprocess, audio through ffprobe and a full decode. A file is
checked once per pack however many times it is named, and stored only after the whole
pack is valid.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail.images import get_image_model

from relais.media.audio import probe_accepted_audio
from relais.media.images import probe_image
from relais.media.uploads import MediaRejected

from .files import PackError


@dataclass(frozen=True)
class PackMedia:
    path: Path
    name: str  # path inside the pack, as written in it
    sha1: str
    duration_seconds: float | None = None


def sha1_of(path):
    digest = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class MediaChecker:
    """Check each media file of a pack once, by content, with its size bounded first."""

    def __init__(self, folder):
        self.folder = folder
        self.checked = {}

    def image(self, name, referrer, line):
        return self._check(name, referrer, line, "image")

    def audio(self, name, referrer, line):
        return self._check(name, referrer, line, "audio")

    def _check(self, name, referrer, line, kind):
        path = self.folder.resolve(name, referrer, line)
        key = (path, kind)
        if key not in self.checked:
            self.checked[key] = self._probe(path, name, referrer, line, kind)
        return self.checked[key]

    def _probe(self, path, name, referrer, line, kind):
        limit = (
            settings.RELAIS_IMAGE_MAX_BYTES if kind == "image" else settings.RELAIS_AUDIO_MAX_BYTES
        )
        size = path.stat().st_size
        if size == 0 or size > limit:
            message = _("%(name)s: this file is empty or larger than %(max)s") % {
                "name": name,
                "max": filesizeformat(limit),
            }
            raise PackError(message, referrer, line)
        try:
            if kind == "image":
                probe_image(path)
                duration = None
            else:
                duration = probe_accepted_audio(path).duration_seconds
        except MediaRejected as exc:
            message = _("%(name)s: %(problem)s") % {"name": name, "problem": exc.message}
            raise PackError(message, referrer, line) from exc
        return PackMedia(path, name, sha1_of(path), duration)


def stored_image(media, title):
    """Return the site image with the same content, storing the pack's file if there is none."""
    model = get_image_model()
    existing = model.objects.filter(file_hash=media.sha1).order_by("pk").first()
    if existing:
        return existing, False
    with open(media.path, "rb") as handle:
        image = model(title=title, file=File(handle, name=media.path.name))
        # Wagtail's forms set these; the hash is how a re-import finds the image again.
        image.file_size = media.path.stat().st_size
        image.file_hash = media.sha1
        image.save()
    return image, True


def same_content(fieldfile, media):
    """Whether a stored file holds exactly the pack's file."""
    if not fieldfile:
        return False
    try:
        with fieldfile.open("rb") as handle:
            digest = hashlib.sha1(usedforsecurity=False)
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == media.sha1
