"""Untrusted uploads, checked by their content before anything is stored, and served back safely.

Parsing happens in subprocesses with time limits (Pillow in ``image_probe``, ffprobe for
audio): media parsers crash or loop on crafted files, and the web worker must survive them.
"""

import json
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from relais.core.media_serving import read_range, requested_range
from relais.core.uploads import local_copy
from relais.stories.services import AudioError, probe_audio

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
# ffprobe's demuxer (first name of format_name) → audio codecs accepted in that container.
AUDIO_FORMATS = {
    "mp3": {"mp3"},
    "mov": {"aac"},  # "mov,mp4,m4a,3gp,3g2,mj2": M4A from phones and Safari
    "ogg": {"vorbis", "opus"},
    "wav": {"pcm_u8", "pcm_s16le", "pcm_s24le", "pcm_s32le", "pcm_f32le", "pcm_f64le"},
    "matroska": {"opus", "vorbis"},  # "matroska,webm": browser recordings
}
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


@dataclass(frozen=True)
class PhotoInfo:
    content_type: str
    width: int
    height: int
    extension: str


def check_size(upload, max_bytes, too_large_message):
    """Refuse an empty upload or one larger than max_bytes."""
    if not upload.size:
        raise MediaRejected(_("This file is empty."), "empty")
    if upload.size > max_bytes:
        raise MediaRejected(too_large_message % {"max": filesizeformat(max_bytes)}, "too_large")


def validate_photo(upload):
    """Return what a photo upload really is, or raise MediaRejected."""
    check_size(
        upload, settings.RELAIS_PHOTO_MAX_BYTES, _("This photo is too large: %(max)s at most.")
    )
    with local_copy(upload) as path:
        found = probe_image(path)
    content_type, extension = IMAGE_FORMATS[found["format"]]
    return PhotoInfo(content_type, found["width"], found["height"], extension)


def probe_image(path):
    """Run image_probe on path in a subprocess with a time limit and return its findings."""
    max_pixels = int(settings.RELAIS_PHOTO_MAX_PIXELS)
    command = [sys.executable, "-m", "relais.collect.image_probe", str(path), str(max_pixels)]
    try:
        result = subprocess.run(  # noqa: S603 - fixed command, the path is an argument
            command,
            capture_output=True,
            timeout=IMAGE_PROBE_TIMEOUT_SECONDS,
            check=False,
            cwd=PROJECT_ROOT,
        )
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
    max_pixels = int(settings.RELAIS_PHOTO_MAX_PIXELS)
    command = [sys.executable, "-m", "relais.collect.image_thumbnail", str(source), str(target)]
    command += [str(max_pixels), str(THUMBNAIL_SIZE)]
    try:
        result = subprocess.run(  # noqa: S603 - fixed command, the paths are arguments
            command,
            capture_output=True,
            timeout=IMAGE_PROBE_TIMEOUT_SECONDS,
            check=False,
            cwd=PROJECT_ROOT,
        )
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0 and Path(target).is_file()


def validate_audio(upload):
    """Return the AudioInfo of an audio upload in an accepted format, or raise MediaRejected."""
    check_size(
        upload,
        settings.RELAIS_AUDIO_MAX_BYTES,
        _("This recording is too large: %(max)s at most."),
    )
    with local_copy(upload) as path:
        return probe_accepted_audio(path)


def probe_accepted_audio(path):
    """Probe an audio file with ffprobe and refuse containers or codecs we do not accept."""
    try:
        info = probe_audio(path)
    except AudioError as exc:
        raise MediaRejected(str(exc), exc.code) from exc
    if audio_demuxer(info) is None:
        raise MediaRejected(
            _("This audio format is not accepted: use MP3, M4A, OGG, WAV or WebM."),
            "unsupported_format",
        )
    return info


def audio_demuxer(info):
    """Return the ffmpeg demuxer to read an accepted recording with, or None if refused."""
    demuxer = info.format_name.split(",")[0]
    return demuxer if info.codec in AUDIO_FORMATS.get(demuxer, ()) else None


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


def private_file_response(fieldfile, content_type, download_name):
    """Return a download of a private file that browsers will neither sniff nor render."""
    return private_stored_response(fieldfile.storage, fieldfile.name, content_type, download_name)


def private_stored_response(storage, name, content_type, download_name):
    """Return a download of a file in private storage, with the same protections."""
    response = FileResponse(
        storage.open(name, "rb"),
        as_attachment=True,
        filename=safe_display_name(download_name),
        content_type=content_type or "application/octet-stream",
    )
    return protect_private_response(response)


def private_ranged_response(request, fieldfile, content_type, download_name):
    """Return a private recording, or the one byte range asked for, so players can seek."""
    storage, name = fieldfile.storage, fieldfile.name
    size = storage.size(name)
    mtime = storage.get_modified_time(name).timestamp()
    byte_range = requested_range(request, mtime, size)
    if byte_range is None:
        response = private_file_response(fieldfile, content_type, download_name)
        response.headers["Accept-Ranges"] = "bytes"
        return response
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response.headers["Content-Range"] = f"bytes */{size}"
        return protect_private_response(response)
    start, end = byte_range
    response = StreamingHttpResponse(
        read_range(partial(storage.open, name, "rb"), start, end),
        status=206,
        content_type=content_type,
    )
    response.headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    response.headers["Content-Length"] = str(end - start + 1)
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["Content-Disposition"] = content_disposition_header(
        True, safe_display_name(download_name)
    )
    return protect_private_response(response)


def protect_private_response(response):
    """Forbid sniffing, rendering, caching and other sites' use of a private file."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
