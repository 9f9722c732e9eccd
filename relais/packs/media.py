"""Media files of a pack, checked by their content through the site's one media pipeline.

Sizes are read from the file system before any byte is read; images go through the Pillow
probe in its sandboxed subprocess, audio through ffprobe and a full decode. A file is
checked once per pack however many times it is named, and stored only after the whole
pack is valid.
"""

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
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
from relais.stories.audio import AudioCapsule

from .files import PackError

# Probes are subprocesses (Pillow, ffprobe, ffmpeg): a thread per core keeps them all busy.
PROBE_THREADS = max(1, os.cpu_count() or 1)


@dataclass
class PackMedia:
    path: Path
    name: str  # path inside the pack, as written in it
    kind: str  # "image" or "audio"
    referrer: str
    line: int | None
    sha1: str = ""
    duration_seconds: float | None = None


def sha1_of(path):
    digest = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class MediaChecker:
    """Check each media file of a pack once, by content, with its size bounded first.

    Files are named while the pack is read, then probed together (``check_all``) in a few
    threads: each probe is a subprocess. Content the site already stores (an image with the
    same hash, a capsule's identical file) was checked when it came in and is not probed again.
    """

    def __init__(self, folder):
        self.folder = folder
        self.named = {}

    def image(self, name, referrer, line):
        return self._name(name, referrer, line, "image")

    def audio(self, name, referrer, line):
        return self._name(name, referrer, line, "audio")

    def _name(self, name, referrer, line, kind):
        path = self.folder.resolve(name, referrer, line)
        key = (path, kind)
        if key not in self.named:
            limit = (
                settings.RELAIS_IMAGE_MAX_BYTES
                if kind == "image"
                else settings.RELAIS_AUDIO_MAX_BYTES
            )
            size = path.stat().st_size
            if size == 0 or size > limit:
                message = _("%(name)s: this file is empty or larger than %(max)s") % {
                    "name": name,
                    "max": filesizeformat(limit),
                }
                raise PackError(message, referrer, line)
            self.named[key] = PackMedia(path, name, kind, referrer, line)
        return self.named[key]

    def check_all(self):
        """Probe every named file; return the PackErrors of those refused."""
        known = _known_content()
        with ThreadPoolExecutor(max_workers=PROBE_THREADS) as pool:
            found = pool.map(lambda media: self._probe(media, known), self.named.values())
            return [error for error in found if error]

    def _probe(self, media, known):
        media.sha1 = sha1_of(media.path)
        if (media.kind, media.sha1) in known:
            media.duration_seconds = known[(media.kind, media.sha1)]
            return None
        try:
            if media.kind == "image":
                probe_image(media.path)
            else:
                media.duration_seconds = probe_accepted_audio(media.path).duration_seconds
        except MediaRejected as exc:
            message = _("%(name)s: %(problem)s") % {"name": media.name, "problem": exc.message}
            return PackError(message, media.referrer, media.line)
        return None


def _known_content():
    """Return {(kind, sha1): duration} of the media the site already stores and accepted."""
    known = {
        ("image", h): None
        for h in get_image_model().objects.values_list("file_hash", flat=True)
        if h
    }
    for capsule in AudioCapsule.objects.exclude(file="").only("file", "duration_seconds"):
        try:
            known[("audio", sha1_of_field(capsule.file))] = capsule.duration_seconds
        except OSError:
            continue
    return known


def stored_image(media, title):
    """Return the site image with the same content, storing the pack's file if there is none."""
    model = get_image_model()
    existing = model.objects.filter(file_hash=media.sha1).order_by("pk").first()
    if existing:
        return existing, False
    with open(media.path, "rb") as handle:
        limit = model._meta.get_field("title").max_length
        image = model(title=title[:limit], file=File(handle, name=media.path.name))
        # Wagtail's forms set these; the hash is how a re-import finds the image again.
        image.file_size = media.path.stat().st_size
        image.file_hash = media.sha1
        image.save()
    return image, True


def sha1_of_field(fieldfile):
    with fieldfile.open("rb") as handle:
        digest = hashlib.sha1(usedforsecurity=False)
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def same_content(fieldfile, media):
    """Whether a stored file holds exactly the pack's file."""
    if not fieldfile:
        return False
    try:
        return sha1_of_field(fieldfile) == media.sha1
    except OSError:
        return False
