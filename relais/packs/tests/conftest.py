"""The pack tests start from an empty site (as migrations leave it): a pack builds the rest."""

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

# The demo's second pack, a fictional town budget (read as data: packs never import the demo).
VALMONT_PACK = Path(__file__).resolve().parents[2] / "demo" / "packs" / "valmont-sur-aa"


def pytest_relais_database_content(item):
    """Every test of this folder that uses the database starts from an empty site."""
    return ("migrated", lambda: None)


@pytest.fixture(scope="session")
def tiny_mp3(tmp_path_factory):
    """Return one second of tone as MP3, made with ffmpeg."""
    path = tmp_path_factory.mktemp("audio") / "tone.mp3"
    subprocess.run(  # noqa: S603
        [
            shutil.which("ffmpeg"),
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=1",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "64k",
            str(path),
        ],
        check=True,
        timeout=60,
    )
    return path.read_bytes()


def png(color="#0a4f8a", size=(64, 40)):
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


PROGRAMME = """\
programme:
  name: Budget participatif de Testville
  collectivity: Ville de Testville
  description: |
    Un budget **fictif** pour les tests.
site:
  home:
    title: Accueil
    hero_title: Une idée pour Testville ?
    featured_audio: la-voix
  stories:
    title: Les récits
    slug: recits
stages:
- slug: proposer
  name: Proposer
  short_description: On propose une idée.
  questions:
  - text: D'où vient votre idée ?
    required: true
- slug: voter
  name: Voter
  short_description: On vote dès 16 ans.
calendar:
- stage: voter
  label: Vote
  from: 2030-09-10
  until: 2030-09-30
themes:
- slug: jeunesse
  name: Jeunesse
territories:
- slug: testville
  name: Testville
  kind: commune
consent:
  version: testville-1
  text: J'accepte que mon récit soit publié.
"""

STORY = """\
---
slug: un-recit
title: Un récit de Testville
intro: Une histoire courte.
project: un-projet
stages:
- proposer
themes:
- jeunesse
image: media/dessin.png
blocks:
  voix:
    type: audio
    audio: la-voix
  dessin:
    type: image
    file: media/dessin.png
    alt: Un dessin bleu
---
Premier paragraphe, avec du **gras**.

{{ voix }}

{{ dessin }}
"""

PROJECT = """\
---
slug: un-projet
title: Un projet de Testville
carrier: Les voisins
territory: testville
themes: [jeunesse]
editions:
- year: 2030
  amount: 5000
---
Un projet pour les tests.
"""

AUDIO = """\
---
slug: la-voix
title: La voix de Testville
file: media/voix.mp3
chapters:
- start: '0:00'
  title: Début
---
Tout ce qui est dit.
"""


@pytest.fixture
def pack_dir(tmp_path, tiny_mp3):
    """Write a small valid pack and return its folder."""
    root = tmp_path / "pack"
    files = {
        "programme.yaml": PROGRAMME,
        "stories/un-recit.md": STORY,
        "projects/un-projet.md": PROJECT,
        "audio/la-voix.md": AUDIO,
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "media").mkdir()
    (root / "media" / "dessin.png").write_bytes(png())
    (root / "media" / "voix.mp3").write_bytes(tiny_mp3)
    return root


def edit(path: Path, old, new):
    """Replace text in a pack file (the text must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")
