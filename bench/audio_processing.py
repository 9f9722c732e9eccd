"""Time the processing of a 30-minute recording, as the process_recording task does it.

Makes its own input (French synthetic speech looped to 30 minutes, encoded as a stereo MP3
the way a phone upload would be), then times only ``process_audio_file``. Target: the
processing takes at most a tenth of the recording's duration.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from relais.media.processing import measure_loudness, process_audio_file  # noqa: E402

DURATION_SECONDS = 30 * 60 - 1  # just under the limit: MP3 padding adds a few ms
TARGET_RATIO = 0.1
TEXT = (
    "Bonjour, je m'appelle Claire et je suis ambassadrice du Budget citoyen. "
    "En deux mille vingt-trois, avec notre collectif, nous avons proposé un atelier "
    "de réparation de vélos dans le quartier. Au début, nous pensions que notre idée "
    "était trop petite. Le comptoir à initiatives nous a aidés à la présenter, à trouver "
    "des partenaires et à préparer le dossier. Le vote des habitants nous a beaucoup émus. "
    "Mon conseil : osez venir, posez toutes vos questions, et parlez de votre projet."
)


def make_recording(directory):
    """Write a 30-minute stereo MP3 of looped speech into directory and return its path."""
    speech, upload = directory / "speech.wav", directory / "upload.mp3"
    subprocess.run(["espeak-ng", "-v", "fr", "-w", str(speech), TEXT], check=True, timeout=60)
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(speech)]
        + ["-t", str(DURATION_SECONDS), "-ac", "2", "-ar", "44100"]
        + ["-c:a", "libmp3lame", "-b:a", "128k", "-compression_level", "9", str(upload)],
        check=True,
        timeout=600,
    )
    return upload


def measure():
    """Return the recording's duration, the processing time and the loudness in and out."""
    with tempfile.TemporaryDirectory(prefix="relais-bench-") as tmp:
        upload = make_recording(Path(tmp))
        start = time.perf_counter()
        result = process_audio_file(upload, tmp)
        elapsed = time.perf_counter() - start
        output = measure_loudness(result.ogg_path, "ogg", 600)
    return {
        "duration": result.duration_seconds,
        "elapsed": elapsed,
        "ratio": elapsed / result.duration_seconds,
        "lufs_in": result.input_loudness_lufs,
        "lufs_out": output,
    }


def main():
    if not (shutil.which("ffmpeg") and shutil.which("espeak-ng")):
        sys.exit("ffmpeg and espeak-ng are needed.")
    figures = measure()
    if "--json" in sys.argv:  # for bench/run.py
        print(json.dumps(figures))
        return
    verdict = "ok" if figures["ratio"] <= TARGET_RATIO else "too slow"
    print(f"{'input':>10} {'processing':>11} {'ratio':>7} {'target':>7} {'LUFS in→out':>14}")
    print(
        f"{figures['duration']:>9.0f}s {figures['elapsed']:>10.1f}s {figures['ratio']:>7.3f}"
        f" {TARGET_RATIO:>7.2f} {figures['lufs_in']:>6.1f}→{figures['lufs_out']:<6.1f} {verdict}"
    )


if __name__ == "__main__":
    main()
