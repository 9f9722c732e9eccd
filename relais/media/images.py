"""Images checked by their content before anything is stored, and their previews.

Pillow runs in subprocesses with time, memory and CPU limits (``image_probe``,
``image_thumbnail``): image parsers crash or loop on crafted files, and the web worker must
survive them.
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .uploads import MediaRejected, check_size, local_copy

PROJECT_ROOT = Path(__file__).resolve().parents[2]
IMAGE_PROBE_TIMEOUT_SECONDS = 15
# Previews are shown at most 160 CSS pixels wide: twice that stays sharp on phone screens.
THUMBNAIL_SIZE = 320
# Pillow format → (content type, extension); nothing else is accepted as a photo.
IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),  # a JPEG with extra pictures, written by some phones
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}


@dataclass(frozen=True)
class ImageInfo:
    content_type: str
    width: int
    height: int
    extension: str


def validate_image(upload):
    """Return what an image upload really is, or raise MediaRejected."""
    check_size(
        upload, settings.RELAIS_IMAGE_MAX_BYTES, _("This photo is too large: %(max)s at most.")
    )
    with local_copy(upload) as path:
        found = probe_image(path)
    content_type, extension = IMAGE_FORMATS[found["format"]]
    return ImageInfo(content_type, found["width"], found["height"], extension)


def run_pillow(module, *arguments):
    """Run one of this package's Pillow modules in a subprocess with a time limit."""
    command = [sys.executable, "-m", f"relais.media.{module}", *map(str, arguments)]
    return subprocess.run(  # noqa: S603 - fixed command, the paths are arguments
        command,
        capture_output=True,
        timeout=IMAGE_PROBE_TIMEOUT_SECONDS,
        check=False,
        cwd=PROJECT_ROOT,
    )


def probe_image(path):
    """Run image_probe on path and return its findings, or raise MediaRejected."""
    max_pixels = int(settings.RELAIS_IMAGE_MAX_PIXELS)
    try:
        result = run_pillow("image_probe", path, max_pixels)
    except subprocess.TimeoutExpired as exc:
        raise MediaRejected(
            _("This file took too long to analyse; it cannot be used."), "parse_timeout"
        ) from exc
    return parse_image_probe(result, max_pixels)


def parse_image_probe(result, max_pixels):
    """Turn image_probe's output into a dict, refusing anything it did not accept."""
    try:
        found = json.loads(result.stdout or b"{}")
    except ValueError:
        found = {}
    if found.get("error") == "bomb" or (
        result.returncode == 0 and found.get("width", 0) * found.get("height", 0) > max_pixels
    ):
        megapixels = max(1, round(max_pixels / 1_000_000))
        message = _("This image has too many pixels: %(max)s megapixels at most.")
        raise MediaRejected(message % {"max": megapixels}, "bomb")
    if result.returncode != 0 or found.get("format") not in IMAGE_FORMATS:
        raise MediaRejected(_("This file is not a JPEG, PNG or WebP image."), "not_an_image")
    return found


def write_thumbnail(source, target):
    """Write a JPEG preview of the photo at source to target; return whether it worked."""
    max_pixels = int(settings.RELAIS_IMAGE_MAX_PIXELS)
    try:
        result = run_pillow("image_thumbnail", source, target, max_pixels, THUMBNAIL_SIZE)
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0 and Path(target).is_file()
