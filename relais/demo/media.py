"""Demo media made by the project itself: drawn illustrations and synthetic speech."""

import hashlib
import math
import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Its speech goes through the media pipeline, like every recording of the site.
from relais.media.processing import process_audio_file

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


SKY = ["#dbe9f4", "#f6e7d2", "#e3efe0", "#efe4f3", "#fbe3d6", "#e0eef0"]
SKIN = ["#8d5524", "#c68642", "#e0ac69", "#f1c27d", "#ffdbac", "#5c3a21", "#a86b3c"]
HAIR = ["#1b1b1b", "#3b2414", "#6a4423", "#a0522d", "#d9c27a", "#8c8c8c", "#e8e2d6"]
CLOTHES = ["#0a4f8a", "#8a3b00", "#2f6b2f", "#6b2f6b", "#a4262c", "#00606b", "#c25400", "#3d3d8f"]
HOUSES = ["#c96f4a", "#e2b04a", "#7a9e7e", "#b5838d", "#6d8ea0", "#d4a373"]
SCALE = 2  # drawn at twice the size, then reduced: smooth edges without Pillow's antialiasing


def _pick(options, byte):
    return options[byte % len(options)]


def _person(draw, x, ground, height, digest, offset):
    """Draw a stylised standing person, feet on the ground line, centred on x."""
    head = height * 0.16
    skin, hair = _pick(SKIN, digest[offset]), _pick(HAIR, digest[offset + 1])
    clothes = _pick(CLOTHES, digest[offset + 2])
    top = ground - height
    body_top = top + head * 2.1
    draw.rounded_rectangle(
        (x - head * 1.05, body_top, x + head * 1.05, ground - height * 0.3),
        radius=head * 0.8,
        fill=clothes,
    )
    legs = "#2b2b2b" if digest[offset + 3] % 2 else "#4a4a6a"
    draw.rectangle((x - head * 0.75, ground - height * 0.34, x - head * 0.1, ground), fill=legs)
    draw.rectangle((x + head * 0.1, ground - height * 0.34, x + head * 0.75, ground), fill=legs)
    if digest[offset + 4] % 3 == 0:  # long hair falls behind the shoulders
        draw.rounded_rectangle(
            (x - head * 1.05, top - head * 0.05, x + head * 1.05, top + head * 2.6),
            radius=head,
            fill=hair,
        )
    draw.ellipse((x - head, top, x + head, top + head * 2), fill=skin)
    draw.chord(
        (x - head * 1.02, top - head * 0.1, x + head * 1.02, top + head * 1.0), 180, 360, fill=hair
    )
    eye = max(head * 0.12, 2)
    for ex in (x - head * 0.38, x + head * 0.38):
        draw.ellipse(
            (ex - eye, top + head * 1.05 - eye, ex + eye, top + head * 1.05 + eye), fill="#1b1b1b"
        )


def illustration(title, width=960, height=600, seed=None):
    """Return a PNG scene (houses, people, sun) with no text: pages show the title in HTML.

    Everything that matters stays in the middle so that cropped cards keep it; the seed
    (the title unless given) only picks colours and positions.
    """
    digest = hashlib.sha512((seed or title).encode()).digest()
    w, h = width * SCALE, height * SCALE
    image = Image.new("RGB", (w, h), _pick(SKY, digest[0]))
    draw = ImageDraw.Draw(image)
    sun = h * 0.09
    sx, sy = w * (0.15 + digest[1] / 255 * 0.7), h * 0.2
    draw.ellipse((sx - sun, sy - sun, sx + sun, sy + sun), fill="#f6c36b")
    ground = h * 0.8
    houses = 4 + digest[2] % 3
    step = w / houses
    for i in range(houses):
        left = i * step + step * 0.08
        right = left + step * 0.84
        top = ground - h * (0.3 + digest[3 + i] / 255 * 0.18)
        colour = _pick(HOUSES, digest[10 + i])
        draw.rectangle((left, top, right, ground), fill=colour)
        draw.polygon(
            [
                (left - step * 0.04, top),
                ((left + right) / 2, top - h * 0.12),
                (right + step * 0.04, top),
            ],
            fill="#5a3d2b",
        )
        win = step * 0.14
        for wx in (left + step * 0.18, right - step * 0.18 - win):
            draw.rectangle((wx, top + h * 0.06, wx + win, top + h * 0.06 + win), fill="#fff6dc")
    draw.rectangle((0, ground, w, h), fill=_pick(["#6b8f4e", "#8a8f96", "#a98b63"], digest[17]))
    people = 3 + digest[18] % 3
    for i in range(people):
        x = w * (0.5 + (i - (people - 1) / 2) * 0.13) + (digest[19 + i] % 40 - 20) * SCALE
        tall = h * (0.34 + digest[24 + i] / 255 * 0.1)
        _person(draw, x, ground + h * 0.1, tall, digest, 26 + i)
    return _png(image.resize((width, height), Image.LANCZOS))


def portrait(display_name, size=400, seed=None):
    """Return a PNG drawn portrait (face, hair, clothes): clearly an illustration, no photo.

    Skin, hair, hairstyle, clothes and background vary with the seed (the display name
    unless given); no letters are drawn.
    """
    digest = hashlib.sha512((seed or display_name).encode()).digest()
    s = size * SCALE
    image = Image.new("RGB", (s, s), _pick(SKY, digest[0]))
    draw = ImageDraw.Draw(image)
    skin, hair = _pick(SKIN, digest[1]), _pick(HAIR, digest[2])
    clothes = _pick(CLOTHES, digest[3])
    style = digest[4] % 5
    cx, cy, r = s / 2, s * 0.42, s * 0.17
    if style == 1:  # long hair behind the head and shoulders
        draw.rounded_rectangle(
            (cx - r * 1.3, cy - r * 1.25, cx + r * 1.3, cy + r * 1.9), radius=r, fill=hair
        )
    draw.ellipse((cx - s * 0.36, s * 0.74, cx + s * 0.36, s * 1.3), fill=clothes)
    draw.rectangle((cx - r * 0.35, cy + r * 0.6, cx + r * 0.35, s * 0.8), fill=skin)
    collar = "#ffffff" if digest[5] % 2 else _pick(CLOTHES, digest[6])
    draw.polygon([(cx - r * 0.6, s * 0.75), (cx, s * 0.86), (cx + r * 0.6, s * 0.75)], fill=collar)
    draw.ellipse((cx - r * 1.07, cy - r * 0.35, cx - r * 0.87, cy + r * 0.2), fill=skin)  # ears
    draw.ellipse((cx + r * 0.87, cy - r * 0.35, cx + r * 1.07, cy + r * 0.2), fill=skin)
    draw.ellipse((cx - r * 0.95, cy - r * 1.15, cx + r * 0.95, cy + r * 1.1), fill=skin)
    if style == 2:  # curls
        for i in range(9):
            angle = math.pi * (1.05 + i * 0.9 / 8)
            px, py = cx + math.cos(angle) * r, cy - r * 0.15 + math.sin(angle) * r * 1.05
            draw.ellipse((px - r * 0.38, py - r * 0.38, px + r * 0.38, py + r * 0.38), fill=hair)
    elif style == 3:  # bun
        draw.ellipse((cx - r * 0.45, cy - r * 1.75, cx + r * 0.45, cy - r * 0.85), fill=hair)
        draw.chord((cx - r * 1.0, cy - r * 1.2, cx + r * 1.0, cy + r * 0.5), 180, 360, fill=hair)
    elif style == 4:  # very short hair
        draw.chord((cx - r * 0.98, cy - r * 1.2, cx + r * 0.98, cy + r * 0.1), 190, 350, fill=hair)
    else:
        draw.chord((cx - r * 1.02, cy - r * 1.25, cx + r * 1.02, cy + r * 0.6), 180, 360, fill=hair)
        draw.pieslice((cx - r * 1.0, cy - r * 1.2, cx + r * 0.6, cy + r * 0.2), 180, 270, fill=hair)
    eye = r * 0.1
    for ex in (cx - r * 0.38, cx + r * 0.38):
        draw.ellipse((ex - eye, cy - eye, ex + eye, cy + eye), fill="#1b1b1b")
    if digest[7] % 4 == 0:  # glasses
        for ex in (cx - r * 0.38, cx + r * 0.38):
            draw.ellipse(
                (ex - r * 0.28, cy - r * 0.25, ex + r * 0.28, cy + r * 0.25),
                outline="#1b1b1b",
                width=max(2, s // 160),
            )
        draw.line((cx - r * 0.1, cy, cx + r * 0.1, cy), fill="#1b1b1b", width=max(2, s // 160))
    draw.arc(
        (cx - r * 0.4, cy + r * 0.05, cx + r * 0.4, cy + r * 0.65),
        20,
        160,
        fill="#5a2a1a",
        width=max(3, s // 110),
    )
    return _png(image.resize((size, size), Image.LANCZOS))


def placeholder_logo(name, width=480, height=200):
    """Return a PNG standing in for the funder's logo until the real one is uploaded."""
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, width - 5, height - 5), outline="#0a4f8a", width=6)
    draw.text((width // 2, 80), name, font=_font(26), fill="#0a4f8a", anchor="mm")
    draw.text((width // 2, 140), "Logo d'exemple", font=_font(22), fill="#4a4a4a", anchor="mm")
    return _png(image)


def speech_mp3(text):
    """Return MP3 bytes of French synthetic speech, loudness-normalised like contributions.

    espeak-ng speaks at about -22 LUFS; the contributions' pipeline brings it to the same
    level as the ambassadors' recordings, so that no capsule is quieter than another.
    """
    espeak = shutil.which("espeak-ng")
    if not espeak or not shutil.which("ffmpeg"):
        raise RuntimeError("espeak-ng and ffmpeg are needed to make the demo audio.")
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(  # noqa: S603 - fixed command, text passed as an argument
            [espeak, "-v", "fr", "-s", "155", "-w", str(wav), text], check=True, timeout=120
        )
        return process_audio_file(wav, tmp).mp3_path.read_bytes()
