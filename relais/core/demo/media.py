"""Demo media made by the project itself: abstract illustrations and synthetic speech."""

import hashlib
import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PALETTE = ["#0a4f8a", "#8a3b00", "#2f6b2f", "#6b2f6b", "#a4262c", "#00606b", "#5a4a00"]
LIGHT = ["#f6c36b", "#9fd3c7", "#f2a7a7", "#c9b8f0", "#b8e0a0", "#ffd9b3"]


def _colours(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)], LIGHT[digest[1] % len(LIGHT)], digest


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _font(size):
    """Return DejaVu Sans (it has French accents) or Pillow's own font as a fallback."""
    if DEJAVU.exists():
        return ImageFont.truetype(str(DEJAVU), size)
    return ImageFont.load_default(size=size)


def _png(image):
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def illustration(title, width=960, height=600):
    """Return a PNG: coloured shapes, the title and the words "Illustration d'exemple"."""
    dark, light, digest = _colours(title)
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for i in range(5):
        x, y, r = digest[2 + i] * width // 255, digest[8 + i] * height // 255, 60 + digest[14 + i]
        draw.ellipse((x - r, y - r, x + r, y + r), fill=light if i % 2 else "#ffffff22")
    draw.rectangle((0, height - 170, width, height), fill="#1b1b1b")
    draw.text((40, height - 150), title[:48], font=_font(42), fill="#ffffff")
    draw.text((40, height - 80), "Illustration d'exemple – Relais", font=_font(28), fill="#f6c36b")
    return _png(image)


def portrait(display_name, size=400):
    """Return a PNG: the initials of a display name on a coloured background."""
    dark, _light, _digest = _colours(display_name)
    image = Image.new("RGB", (size, size), dark)
    draw = ImageDraw.Draw(image)
    initials = " ".join(part[0] for part in display_name.replace(".", "").split()[:2])
    draw.text((size // 2, size // 2), initials, font=_font(140), fill="#ffffff", anchor="mm")
    return _png(image)


def placeholder_logo(name, width=480, height=200):
    """Return a PNG standing in for the funder's logo until the real one is uploaded."""
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, width - 5, height - 5), outline="#0a4f8a", width=6)
    draw.text((width // 2, 80), name, font=_font(26), fill="#0a4f8a", anchor="mm")
    draw.text((width // 2, 140), "Logo d'exemple", font=_font(22), fill="#4a4a4a", anchor="mm")
    return _png(image)


def speech_mp3(text, bitrate="32k"):
    """Return MP3 bytes of French synthetic speech (espeak-ng, then ffmpeg)."""
    espeak, ffmpeg = shutil.which("espeak-ng"), shutil.which("ffmpeg")
    if not espeak or not ffmpeg:
        raise RuntimeError("espeak-ng and ffmpeg are needed to make the demo audio.")
    with tempfile.TemporaryDirectory() as tmp:
        wav, mp3 = Path(tmp) / "speech.wav", Path(tmp) / "speech.mp3"
        subprocess.run(  # noqa: S603 - fixed commands, text passed as an argument
            [espeak, "-v", "fr", "-s", "155", "-w", str(wav), text], check=True, timeout=120
        )
        subprocess.run(  # noqa: S603
            [
                ffmpeg,
                "-v",
                "error",
                "-y",
                "-i",
                str(wav),
                "-ac",
                "1",
                "-ar",
                "22050",
                "-c:a",
                "libmp3lame",
                "-b:a",
                bitrate,
                str(mp3),
            ],
            check=True,
            timeout=120,
        )
        return mp3.read_bytes()
