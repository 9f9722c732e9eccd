"""Time import_pack and export_pack on a pack of 1,000 stories with 100 audio files.

Builds the pack (the Valmont-sur-Aa demo programme, 1,000 stories of a few paragraphs and
blocks, 100 drawn illustrations, 100 one-to-four-second audio files made by ffmpeg), then,
in a new SQLite database, times the import (checks of every file and medium included) and
the export of everything back. Target: at most 60 s for each on the 2-core machine.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="relais-bench-packs-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings.dev",
    DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
    RELAIS_PRIVATE_MEDIA_ROOT=str(WORK / "private"),
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from relais.demo.media import illustration  # noqa: E402
from relais.packs.services import export_pack, import_pack  # noqa: E402

STORIES = int(os.environ.get("BENCH_PACK_STORIES", "1000"))
AUDIO = int(os.environ.get("BENCH_PACK_AUDIO", "100"))
IMAGES = 100
TARGET_SECONDS = 60
VALMONT = ROOT / "relais" / "demo" / "packs" / "valmont-sur-aa"
STAGES = ["proposer", "instruire", "voter", "construire", "inaugurer"]
THEMES = ["cadre-de-vie", "jeunesse", "nature-en-ville", "sports-et-loisirs"]
STORY = """---
slug: histoire-{n}
title: Histoire de Valmont numéro {n}
intro: Une histoire courte du budget participatif, la numéro {n}, pour le banc d'essai.
project: {project}
ambassadors: [lea-m]
stages: [{stage}, voter]
themes: [{theme}]
image: media/dessin-{image}.png
blocks:
  citation:
    type: quote
    text: Une idée qui fait du bien à sa rue, c'est déjà une idée pour Valmont ({n}).
    author: Une habitante
  chiffres:
    type: key_figures
    title: En chiffres
    figures:
    - {{value: '{n}', label: votants convaincus}}
    - {{value: 2 choix, label: par personne}}
{audio_block}---
Tout a commencé au marché, un samedi de mars. **L'idée {n}** tenait en une phrase, et les
voisins l'ont tout de suite comprise.

{{{{ citation }}}}

Les services de la ville ont étudié le projet avec ses auteurs, puis les Valmontois ont
voté dès 16 ans, deux choix chacun. [Le règlement](https://valmont-sur-aa.example.org) est
en ligne.

{{{{ chiffres }}}}
{audio_marker}"""
AUDIO_BLOCK = "  voix:\n    type: audio\n    audio: voix-{a}\n"
CAPSULE = """---
slug: voix-{a}
title: Voix de Valmont numéro {a}
file: media/voix-{a}.mp3
chapters:
- {{start: '0:00', title: Le début}}
---
La transcription complète de la capsule numéro {a}.
"""


def build_pack(root):
    """Write the benchmark pack into root; return its size in bytes."""
    shutil.copytree(VALMONT, root)
    shutil.rmtree(root / "stories")
    (root / "stories").mkdir()
    shutil.rmtree(root / "cards")  # they cite the demo's stories, replaced here
    for i in range(IMAGES):
        (root / "media" / f"dessin-{i}.png").write_bytes(
            illustration(f"Dessin {i}", width=480, height=300)
        )
    for a in range(AUDIO):
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"sine=frequency={200 + a * 7}:duration={1 + a % 4}",
                "-ac",
                "1",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "48k",
                str(root / "media" / f"voix-{a}.mp3"),
            ],
            check=True,
            timeout=60,
        )
        (root / "audio" / f"voix-{a}.md").write_text(CAPSULE.format(a=a), encoding="utf-8")
    projects = ["skatepark-des-tilleuls", "bancs-rue-du-moulin"]
    step = max(1, STORIES // AUDIO)
    for n in range(STORIES):
        with_audio = n % step == 0 and n // step < AUDIO
        text = STORY.format(
            n=n,
            project=projects[n % 2],
            stage=STAGES[n % 5],
            theme=THEMES[n % 4],
            image=n % IMAGES,
            audio_block=AUDIO_BLOCK.format(a=n // step) if with_audio else "",
            audio_marker="\n{{ voix }}\n" if with_audio else "",
        )
        (root / "stories" / f"histoire-{n}.md").write_text(text, encoding="utf-8")
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def main():
    try:
        pack = WORK / "pack"
        size = build_pack(pack)
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        changes = import_pack(pack)
        imported = time.perf_counter() - started
        started = time.perf_counter()
        export_pack(WORK / "export")
        exported = time.perf_counter() - started
        started = time.perf_counter()
        again = import_pack(pack)
        reimported = time.perf_counter() - started
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    figures = {
        "stories": STORIES,
        "audio": AUDIO,
        "images": IMAGES,
        "megabytes": size / 1e6,
        "created": changes.count("created"),
        "import": imported,
        "export": exported,
        "reimport": reimported,
        "reimport_changed": len(again.changed()),
    }
    verdict = "ok" if max(imported, exported) <= TARGET_SECONDS else "TOO SLOW"
    print(
        f"Pack of {STORIES} stories, {AUDIO} audio files, {IMAGES} images "
        f"({size / 1e6:.1f} MB): import {imported:.1f} s, export {exported:.1f} s, "
        f"import again (nothing to change) {reimported:.1f} s; target ≤ {TARGET_SECONDS} s: "
        f"{verdict}"
    )
    if "--json" in sys.argv:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
