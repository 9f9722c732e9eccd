"""Audio probing with ffprobe: untrusted files are parsed in a subprocess with a time limit."""

import json
import shutil
import subprocess
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

PROBE_TIMEOUT_SECONDS = 20


class AudioError(ValueError):
    """An uploaded file that is not usable audio; the message is shown to the user."""

    def __init__(self, message, code="not_audio"):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class AudioInfo:
    duration_seconds: float
    codec: str
    format_name: str = ""


def probe_audio(path):
    """Return the duration and codec of an audio file, judged by its content, not its name."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise AudioError(
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
        raise AudioError(
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
        raise AudioError(not_audio)
    try:
        data = json.loads(result.stdout or b"{}")
        audio = [s for s in data.get("streams", []) if s.get("codec_type") == "audio"]
        raw_duration = data["format"].get("duration")
        duration = float(raw_duration) if raw_duration else fallback_duration() if audio else 0
    except (ValueError, KeyError, TypeError) as exc:
        raise AudioError(not_audio) from exc
    if not audio or duration <= 0:
        raise AudioError(not_audio)
    if duration > settings.RELAIS_AUDIO_MAX_SECONDS:
        raise AudioError(_("This recording is too long: 30 minutes at most."), "too_long")
    return AudioInfo(
        duration_seconds=duration,
        codec=audio[0].get("codec_name", ""),
        format_name=data["format"].get("format_name", ""),
    )
