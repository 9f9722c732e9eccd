"""Demo capsules sound like contributions: same loudness, chapters on time, years in digits.

The capsules are the MP3 files of the demo pack, spoken by espeak-ng (relais.demo.media).
"""

import re
import subprocess
from functools import cache

import pytest

from relais.demo.loader import PACK
from relais.media.processing import TARGET_LOUDNESS_LUFS
from relais.packs.files import PackFolder
from relais.stories.audio import timestamp_to_seconds


def _capsules():
    """Read the demo pack's capsules: slug → front matter with its transcript."""
    folder = PackFolder(PACK)
    capsules = {}
    for path in folder.files("audio", ".md"):
        document = folder.read_markdown(path)
        capsules[document.meta["slug"]] = {
            **document.meta,
            "transcript": document.body.strip(),
            "chapters": [(c["start"], c["title"]) for c in document.meta["chapters"]],
        }
    return capsules


CAPSULES = _capsules()


@cache
def ffmpeg_log(slug, audio_filter):
    """Return ffmpeg's log after running audio_filter on the demo speech of a capsule."""
    mp3 = PACK / CAPSULES[slug]["file"]
    command = ["ffmpeg", "-nostats", "-i", str(mp3), "-af", audio_filter, "-f", "null", "-"]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)  # noqa: S603, S607
    return result.stderr


def test_a_demo_capsule_is_as_loud_as_a_contribution():
    """espeak-ng alone gives about -22 LUFS; contributions are brought to -16."""
    log = ffmpeg_log("sylvie-apres-un-refus", "ebur128")
    loudness = float(re.findall(r"I:\s+(-?\d+\.\d) LUFS", log)[-1])
    assert abs(loudness - TARGET_LOUDNESS_LUFS) <= 1.5, loudness


@pytest.mark.parametrize("slug", CAPSULES)
def test_each_chapter_starts_where_its_paragraph_is_spoken(slug):
    """The pause between paragraphs ends within a second after the chapter's start."""
    log = ffmpeg_log(slug, "silencedetect=noise=-40dB:duration=0.5")
    paragraph_starts = [float(s) for s in re.findall(r"silence_end: (\d+\.?\d*)", log)]
    for start, title in CAPSULES[slug]["chapters"][1:]:
        seconds = timestamp_to_seconds(start)
        assert any(0 <= found - seconds < 1 for found in paragraph_starts), (title, start)


@pytest.mark.parametrize("slug", CAPSULES)
def test_transcripts_write_years_in_digits(slug):
    """People read "2019", not "deux mille dix-neuf"; espeak-ng says digits well."""
    transcript = CAPSULES[slug]["transcript"]
    assert not re.search(r"\b(mille|mil|cent)\b", transcript, re.IGNORECASE)
