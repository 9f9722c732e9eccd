"""Sample files made by the tests themselves, and independent measurements of them."""

import json
import shutil
import struct
import subprocess
import zlib
from io import BytesIO

from PIL import Image

FFMPEG = shutil.which("ffmpeg")
FFPROBE = shutil.which("ffprobe")
ESPEAK = shutil.which("espeak-ng")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# ffmpeg codec arguments by file extension, for samples in each container.
ENCODINGS = {
    "mp3": ["-c:a", "libmp3lame"],
    "m4a": ["-c:a", "aac"],
    "ogg": ["-c:a", "libopus"],
    "wav": ["-c:a", "pcm_s16le"],
    "webm": ["-c:a", "libopus"],
    "flac": ["-c:a", "flac"],
}
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def image_bytes(fmt, size=(64, 48)):
    image = Image.effect_noise(size, 60).convert("RGB")
    buffer = BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side=20_000):
    """Return a valid one-bit PNG of side × side white pixels: a few dozen KB on disk."""
    compressor, row = zlib.compressobj(9), b"\x00" + b"\xff" * (side // 8)
    data = b"".join(compressor.compress(row * 1000) for _ in range(side // 1000))
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"".join(
        [
            PNG_SIGNATURE,
            png_chunk(b"IHDR", header),
            png_chunk(b"IDAT", data + compressor.flush()),
            png_chunk(b"IEND", b""),
        ]
    )


def ffmpeg(*arguments):
    subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [FFMPEG, "-nostdin", "-v", "error", "-y", *arguments], check=True, timeout=60
    )


def ffprobe_json(path):
    result = subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [FFPROBE, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
        capture_output=True,
        check=True,
        timeout=30,
    )
    return json.loads(result.stdout)


def integrated_loudness(path):
    """Measure integrated loudness with loudnorm (independent of the ebur128 pass we use)."""
    result = subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [FFMPEG, "-nostdin", "-hide_banner", "-nostats", "-i", str(path), "-af"]
        + ["loudnorm=print_format=json", "-f", "null", "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    log = result.stderr.decode()
    return float(json.loads(log[log.rindex("{") :])["input_i"])


def quiet_speech(folder, extension="mp3"):
    """Return about three seconds of French speech, recorded far too quietly (about -30 LUFS)."""
    wav, target = folder / "espeak.wav", folder / f"speech.{extension}"
    text = "Bonjour, je suis ambassadrice du Budget citoyen, et je raconte mon projet."
    subprocess.run(  # noqa: S603 - fixed program, arguments written by the test
        [ESPEAK, "-v", "fr", "-s", "175", "-w", str(wav), text], check=True, timeout=30
    )
    codec = {"mp3": ["-c:a", "libmp3lame", "-b:a", "64k"], "wav": ["-c:a", "pcm_s16le"]}
    ffmpeg("-i", str(wav), "-af", "volume=-14dB", *codec[extension], str(target))
    return target.read_bytes()


def tone(folder, extension, codec, seconds=1):
    """Return a tone of a few seconds, encoded with codec in the container of extension."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"tone.{extension}"
    ffmpeg("-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", *codec, str(target))
    return target.read_bytes()
