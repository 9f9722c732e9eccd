"""Audio checked by its content with ffprobe, in a subprocess with a time limit.

A file is accepted when ffprobe finds an audio stream in a container and codec of the
allow-list, shorter than ``RELAIS_AUDIO_MAX_SECONDS`` and smaller than
``RELAIS_AUDIO_MAX_BYTES``; its name and declared type are never trusted, and neither is the
duration in its header: the duration is measured by decoding the audio with ffmpeg.
"""

import json
import math
import re
import shutil
import subprocess
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .uploads import MediaRejected, check_size, local_copy

PROBE_TIMEOUT_SECONDS = 20
# Decoding a 30-minute recording takes a few seconds; this bounds a hostile or slow file.
DECODE_TIMEOUT_SECONDS = 90
# A file whose decoded audio is shorter than this share of its header's duration is damaged.
MIN_DECODED_RATIO = 0.5
OUT_TIME = re.compile(r"^out_time_us=(\d+)$", re.MULTILINE)
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
    header = _parse_probe(_run_ffprobe(command))
    decoded = decoded_duration(path)
    if decoded <= 0:
        raise MediaRejected(_not_audio_message(), "not_audio")
    claimed = header.duration_seconds
    if claimed and decoded < claimed * MIN_DECODED_RATIO:
        message = _(
            "This recording is incomplete or damaged: only %(decoded)s s of the %(claimed)s s "
            "it announces can be played. Send the complete file again."
        )
        raise MediaRejected(
            message % {"decoded": number_format(decoded, 1), "claimed": number_format(claimed, 1)},
            "truncated",
        )
    if decoded > settings.RELAIS_AUDIO_MAX_SECONDS:
        raise MediaRejected(too_long_message(settings.RELAIS_AUDIO_MAX_SECONDS), "too_long")
    return replace(header, duration_seconds=decoded)


def _not_audio_message():
    """Return the refusal of a file that is not audio, translated when it is used."""
    return _("This file is not a readable audio file (MP3, M4A, OGG, WAV or WebM).")


def _run_ffprobe(command):
    try:
        return subprocess.run(  # noqa: S603 - fixed command, the path is an argument
            command, capture_output=True, timeout=PROBE_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise MediaRejected(
            _("This file took too long to analyse; it cannot be used."), "parse_timeout"
        ) from exc


def decoded_duration(path):
    """Return how many seconds of audio ffmpeg actually decodes from the file.

    The duration in a header is only a claim: a truncated MP3 keeps the header of the whole
    file, and browser recordings (MediaRecorder, WebM) carry none. Decoding the first audio
    stream to nowhere is the length a listener will hear; it takes about 1 % of real time.
    """
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise MediaRejected(
            _("Audio cannot be checked: ffmpeg is not installed on the server."), "unavailable"
        )
    command = [ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-v", "error"]
    command += ["-protocol_whitelist", "file", "-i", str(path), "-map", "0:a:0"]
    command += ["-f", "null", "-progress", "pipe:1", "-"]
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, the path is an argument
            command, capture_output=True, timeout=DECODE_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise MediaRejected(
            _("This file took too long to analyse; it cannot be used."), "parse_timeout"
        ) from exc
    found = OUT_TIME.findall(result.stdout.decode("ascii", "replace"))
    return int(found[-1]) / 1_000_000 if found else 0.0


def _parse_probe(result):
    """Turn ffprobe's JSON output into AudioInfo with the duration its header claims (or 0).

    Anything without an audio stream is refused, and so is a header that already claims more
    than the limit, before any decoding.
    """
    if result.returncode != 0:
        raise MediaRejected(_not_audio_message(), "not_audio")
    try:
        data = json.loads(result.stdout or b"{}")
        audio = [s for s in data.get("streams", []) if s.get("codec_type") == "audio"]
        raw_duration = data["format"].get("duration")
        duration = float(raw_duration) if raw_duration else 0.0
    except (ValueError, KeyError, TypeError) as exc:
        raise MediaRejected(_not_audio_message(), "not_audio") from exc
    if not audio or duration < 0:
        raise MediaRejected(_not_audio_message(), "not_audio")
    if duration > settings.RELAIS_AUDIO_MAX_SECONDS:
        raise MediaRejected(too_long_message(settings.RELAIS_AUDIO_MAX_SECONDS), "too_long")
    return AudioInfo(
        duration_seconds=duration,
        codec=audio[0].get("codec_name", ""),
        format_name=data["format"].get("format_name", ""),
    )
