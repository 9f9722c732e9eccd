"""Loudness normalisation (EBU R128) and web encodings of a recording, with ffmpeg.

Two passes: the ``ebur128`` filter measures the integrated loudness, then one ffmpeg process
applies the gain, a peak limiter, and writes both web versions (Opus in OGG, MP3) from a
single decode. ffmpeg's ``loudnorm`` filter gives the same result on speech, but it works at
192 kHz internally: its analysis takes ten times as long as ``ebur128``'s, and a single-pass
loudnorm pipeline took 51 s instead of 32 s on a 30-minute recording (bench/audio_processing.py).
"""

import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .audio import audio_demuxer, decoded_duration, probe_accepted_audio

TARGET_LOUDNESS_LUFS = -16.0
PEAK_LIMIT_DBFS = -1.5
# Never lift a near-silent file by more than this: it would only make the noise loud.
MAX_GAIN_DB = 30.0
OPUS_ARGS = ["-ar", "48000", "-c:a", "libopus", "-b:a", "48k", "-compression_level", "5"]
MP3_ARGS = ["-c:a", "libmp3lame", "-b:a", "64k"]
INTEGRATED_LOUDNESS = re.compile(r"I:\s+(-?\d+(?:\.\d+)?) LUFS")


class ProcessingError(RuntimeError):
    """ffmpeg is missing, failed, or printed something we cannot read."""


@dataclass(frozen=True)
class ProcessedAudio:
    ogg_path: Path
    mp3_path: Path
    duration_seconds: float
    input_loudness_lufs: float
    gain_db: float


def process_audio_file(source, out_dir):
    """Normalise the recording at source and write web.ogg and web.mp3 into out_dir."""
    info = probe_accepted_audio(source)  # refuses non-audio, other formats, too long
    demuxer = audio_demuxer(info)
    timeout = processing_timeout(info.duration_seconds)
    loudness = measure_loudness(source, demuxer, timeout)
    gain = min(TARGET_LOUDNESS_LUFS - loudness, MAX_GAIN_DB)
    ogg_path, mp3_path = Path(out_dir) / "web.ogg", Path(out_dir) / "web.mp3"
    run_ffmpeg(encode_arguments(source, demuxer, gain, ogg_path, mp3_path), timeout)
    # The duration listeners get is that of the web version, measured by decoding it.
    return ProcessedAudio(ogg_path, mp3_path, decoded_duration(ogg_path), loudness, gain)


@contextmanager
def processed_copy(fieldfile):
    """Yield the ProcessedAudio of a stored recording; its files last until the block ends.

    ffmpeg needs a local path and the storage may be remote: the file is copied first.
    """
    with tempfile.TemporaryDirectory(prefix="relais-audio-") as tmp:
        source = Path(tmp) / "original"
        with fieldfile.open("rb") as stored, source.open("wb") as copy:
            shutil.copyfileobj(stored, copy, length=1024 * 1024)
        yield process_audio_file(source, tmp)


def processing_timeout(duration_seconds):
    """Return the time limit of one ffmpeg pass: normally it takes a few % of real time."""
    return 30 + duration_seconds / 2


def input_arguments(source, demuxer):
    """Read source with the demuxer that ffprobe found and we accept, from local files only."""
    return ["-protocol_whitelist", "file", "-f", demuxer, "-i", str(source)]


def measure_loudness(source, demuxer, timeout):
    """Return the integrated loudness of the recording, in LUFS."""
    arguments = ["-nostats", "-v", "info", *input_arguments(source, demuxer)]
    arguments += ["-map", "0:a:0", "-af", "ebur128=framelog=verbose", "-f", "null", "-"]
    output = run_ffmpeg(arguments, timeout)
    found = INTEGRATED_LOUDNESS.findall(output)
    if not found:
        raise ProcessingError("ebur128 printed no integrated loudness")
    return float(found[-1])  # the summary comes last


def encode_arguments(source, demuxer, gain_db, ogg_path, mp3_path):
    """Return ffmpeg arguments applying the gain and a limiter, then encoding both outputs."""
    limit = 10 ** (PEAK_LIMIT_DBFS / 20)
    chain = (
        f"[0:a:0]aformat=channel_layouts=mono,volume={gain_db:.2f}dB,"
        f"alimiter=limit={limit:.4f}:level=false,asplit=2[ogg][mp3]"
    )
    strip = ["-map_metadata", "-1", "-map_chapters", "-1"]  # no tags, device names, GPS
    arguments = ["-v", "error", "-y", *input_arguments(source, demuxer)]
    arguments += ["-filter_complex", chain]
    arguments += ["-map", "[ogg]", *strip, *OPUS_ARGS, str(ogg_path)]
    arguments += ["-map", "[mp3]", *strip, *MP3_ARGS, str(mp3_path)]
    return arguments


def run_ffmpeg(arguments, timeout):
    """Run ffmpeg with a time limit and return its log output; raise ProcessingError on failure."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise ProcessingError("ffmpeg is not installed")
    command = [ffmpeg, "-nostdin", "-hide_banner", *arguments]
    try:
        result = subprocess.run(  # noqa: S603 - fixed program, arguments built by this module
            command, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ProcessingError(f"ffmpeg took more than {timeout:.0f} s") from exc
    log = result.stderr.decode("utf-8", "replace")
    if result.returncode != 0:
        raise ProcessingError(f"ffmpeg failed ({result.returncode}): {log[-500:]}")
    return log
