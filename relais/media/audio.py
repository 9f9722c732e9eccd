"""Audio checked by its content with ffprobe, in a subprocess with a time limit.

A file is accepted when ffprobe finds an audio stream in a container and codec of the
allow-list, shorter than ``RELAIS_AUDIO_MAX_SECONDS`` and smaller than
``RELAIS_AUDIO_MAX_BYTES``; its name and declared type are never trusted.
"""

import json
import math
import shutil
import subprocess
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .uploads import MediaRejected, check_size, local_copy

PROBE_TIMEOUT_SECONDS = 20
# ffprobe's demuxer (first name of format_name) → audio codecs accepted in that container.
AUDIO_FORMATS = {
    "mp3": {"mp3"},
    "mov": {"aac"},  # "mov,mp4,m4a,3gp,3g2,mj2": M4A from phones and Safari
    "ogg": {"vorbis", "opus"},
    "wav": {"pcm_u8", "pcm_s16le", "pcm_s24le", "pcm_s32le", "pcm_f32le", "pcm_f64le"},
    "matroska": {"opus", "vorbis"},  # "matroska,webm": browser recordings
}


@dataclass(frozen=True)
class AudioInfo:
    duration_seconds: float
    codec: str
    format_name: str = ""


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
    """Probe an audio file and refuse containers or codecs that are not on the allow-list."""
    info = probe_audio(path)
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


def too_long_message(max_seconds):
    """Return the French refusal of a long recording, in whole minutes when it can."""
    max_seconds = math.ceil(max_seconds)
    if max_seconds % 60 == 0:
        minutes = max_seconds // 60
        message = ngettext(
            "This recording is too long: %(count)d minute at most.",
            "This recording is too long: %(count)d minutes at most.",
            minutes,
        )
        return message % {"count": minutes}
    message = ngettext(
        "This recording is too long: %(count)d second at most.",
        "This recording is too long: %(count)d seconds at most.",
        max_seconds,
    )
    return message % {"count": max_seconds}


def probe_audio(path):
    """Return the duration and codec of an audio file, judged by its content, not its name."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise MediaRejected(
            _("Audio cannot be checked: ffprobe is not installed on the server."), "unavailable"
        )
    command = [
        ffprobe,
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_entries",
        "format=duration,format_name:stream=codec_type,codec_name",
        str(path),
    ]
    return _parse_probe(_run_ffprobe(command), lambda: _decoded_duration(ffprobe, path))


def _run_ffprobe(command):
    try:
        return subprocess.run(  # noqa: S603 - fixed command, the path is an argument
            command, capture_output=True, timeout=PROBE_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise MediaRejected(
            _("This file took too long to analyse; it cannot be used."), "parse_timeout"
        ) from exc


def _decoded_duration(ffprobe, path):
    """Return the end time of the last audio packet, for files whose header has no duration.

    Browser recordings (MediaRecorder, WebM) are written as a stream and carry no duration.
    """
    command = [
        ffprobe,
        "-v",
        "error",
        "-select_streams",
        "a:0",
        "-show_entries",
        "packet=pts_time,duration_time",
        "-of",
        "csv=p=0",
        str(path),
    ]
    lines = [line for line in _run_ffprobe(command).stdout.decode().splitlines() if line]
    if not lines:
        return 0.0
    fields = [float(field) for field in lines[-1].split(",") if field.strip()]
    return sum(fields[:2])


def _parse_probe(result, fallback_duration):
    """Turn ffprobe's JSON output into AudioInfo, refusing anything without an audio stream."""
    not_audio = _("This file is not a readable audio file (MP3, M4A, OGG, WAV or WebM).")
    if result.returncode != 0:
        raise MediaRejected(not_audio, "not_audio")
    try:
        data = json.loads(result.stdout or b"{}")
        audio = [s for s in data.get("streams", []) if s.get("codec_type") == "audio"]
        raw_duration = data["format"].get("duration")
        duration = float(raw_duration) if raw_duration else fallback_duration() if audio else 0
    except (ValueError, KeyError, TypeError) as exc:
        raise MediaRejected(not_audio, "not_audio") from exc
    if not audio or duration <= 0:
        raise MediaRejected(not_audio, "not_audio")
    if duration > settings.RELAIS_AUDIO_MAX_SECONDS:
        raise MediaRejected(too_long_message(settings.RELAIS_AUDIO_MAX_SECONDS), "too_long")
    return AudioInfo(
        duration_seconds=duration,
        codec=audio[0].get("codec_name", ""),
        format_name=data["format"].get("format_name", ""),
    )
