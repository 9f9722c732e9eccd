"""A pack with a problem is refused as a whole, with the file, the line and a clear message."""

import os
import time

import pytest

from relais.journey.models import Programme
from relais.packs.services import PackInvalid, import_pack

from .conftest import edit

pytestmark = pytest.mark.django_db

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def refused(pack_dir):
    """Import the pack, expect a refusal; return its messages as text."""
    with pytest.raises(PackInvalid) as caught:
        import_pack(pack_dir)
    assert Programme.objects.count() == 0, "nothing is imported when the pack has a problem"
    return "\n".join(map(str, caught.value.errors))


def test_an_unknown_stage_is_named_with_its_file_and_line(pack_dir):
    edit(pack_dir / "stories/un-recit.md", "- proposer", "- deposer")
    assert "stories/un-recit.md:2: étape inconnue : deposer" in refused(pack_dir)


def test_an_image_without_alternative_text_is_refused(pack_dir):
    edit(pack_dir / "stories/un-recit.md", "    alt: Un dessin bleu\n", "")
    assert "stories/un-recit.md:16: bloc dessin : le texte alternatif (alt) manque" in refused(
        pack_dir
    )


def test_audio_that_is_not_audio_is_refused(pack_dir):
    (pack_dir / "media/voix.mp3").write_bytes(b"ID3" + b"not really audio " * 100)
    message = refused(pack_dir)
    assert (
        "audio/la-voix.md:4: media/voix.mp3 : Ce fichier n'est pas un fichier audio lisible"
        in message
    )


def test_a_duplicate_slug_names_both_files(pack_dir):
    text = (pack_dir / "stories/un-recit.md").read_text()
    (pack_dir / "stories/un-autre.md").write_text(text)
    assert (
        "stories/un-recit.md:2: slug en double un-recit : déjà utilisé par stories/un-autre.md"
        in refused(pack_dir)
    )


def test_a_capsule_without_transcript_is_refused(pack_dir):
    edit(pack_dir / "audio/la-voix.md", "Tout ce qui est dit.\n", "")
    assert "audio/la-voix.md:9: la transcription manque sous l'en-tête YAML" in refused(pack_dir)


def test_every_problem_is_reported_at_once(pack_dir):
    edit(pack_dir / "stories/un-recit.md", "- jeunesse", "- culture")
    edit(pack_dir / "projects/un-projet.md", "territory: testville", "territory: ailleurs")
    message = refused(pack_dir)
    assert "stories/un-recit.md:2: thème inconnu : culture" in message
    assert "projects/un-projet.md:2: territoire inconnu : ailleurs" in message


def test_a_billion_laughs_file_is_refused_fast(pack_dir):
    (pack_dir / "programme.yaml").write_text(BOMB)
    start = time.monotonic()
    message = refused(pack_dir)
    assert time.monotonic() - start < 5
    assert (
        "programme.yaml:1: YAML invalide : les ancres et les alias (& et *) ne sont pas acceptés"
        in (message)
    )


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("../../etc/passwd", "ce chemin sort du dossier du paquet"),
        ("/etc/passwd", "les chemins absolus ne sont pas acceptés"),
    ],
)
def test_a_path_outside_the_pack_is_refused(pack_dir, path, problem):
    edit(pack_dir / "stories/un-recit.md", "image: media/dessin.png", f"image: {path}")
    assert f"stories/un-recit.md:10: {path} : {problem}" in refused(pack_dir)


def test_a_symbolic_link_is_refused(pack_dir, tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes((pack_dir / "media/dessin.png").read_bytes())
    os.symlink(outside, pack_dir / "media/lien.png")
    edit(pack_dir / "stories/un-recit.md", "image: media/dessin.png", "image: media/lien.png")
    assert (
        "stories/un-recit.md:10: media/lien.png : les liens symboliques ne sont pas acceptés"
        in refused(pack_dir)
    )


def test_a_symbolic_link_to_a_story_is_refused(pack_dir, tmp_path):
    outside = tmp_path / "histoire.md"
    outside.write_text((pack_dir / "stories/un-recit.md").read_text())
    os.symlink(outside, pack_dir / "stories/lien.md")
    assert "stories/lien.md : les liens symboliques ne sont pas acceptés" in refused(pack_dir)


def test_a_huge_file_is_refused_before_it_is_read(pack_dir):
    """A 2 GB file (sparse: it takes no disk space) is refused by its size alone."""
    with open(pack_dir / "media/voix.mp3", "r+b") as handle:
        handle.truncate(2 * 1024**3)
    start = time.monotonic()
    message = refused(pack_dir)
    assert time.monotonic() - start < 10
    assert (
        "audio/la-voix.md:4: media/voix.mp3 : ce fichier est vide ou dépasse 100,0\xa0Mio"
        in message
    )


def test_a_huge_text_file_is_refused(pack_dir):
    with open(pack_dir / "stories/un-recit.md", "r+b") as handle:
        handle.truncate(2 * 1024**3)
    assert "stories/un-recit.md: ce fichier texte dépasse 1024 ko" in refused(pack_dir)


def test_html_with_a_script_in_markdown_is_refused(pack_dir):
    edit(
        pack_dir / "stories/un-recit.md",
        "Premier paragraphe",
        "<script>alert(1)</script>\n\nPremier paragraphe",
    )
    assert "stories/un-recit.md:20: le HTML n'est pas accepté dans le Markdown" in refused(pack_dir)


def test_a_broken_image_is_refused(pack_dir):
    data = (pack_dir / "media/dessin.png").read_bytes()
    (pack_dir / "media/dessin.png").write_bytes(data[: len(data) // 2])
    assert (
        "stories/un-recit.md:10: media/dessin.png : "
        "Ce fichier n'est pas une image JPEG, PNG ou WebP." in refused(pack_dir)
    )


def test_an_unknown_key_is_refused_with_its_line(pack_dir):
    edit(pack_dir / "projects/un-projet.md", "carrier: Les voisins", "porteur: Les voisins")
    assert "projects/un-projet.md:4: clé inconnue porteur" in refused(pack_dir)


def test_a_title_too_long_for_the_site_is_refused(pack_dir):
    """The site's own field checks apply too: nothing is imported."""
    edit(pack_dir / "stories/un-recit.md", "title: Un récit de Testville", "title: " + "x" * 300)
    assert "stories/un-recit.md:3: title est trop long : 255 caractères au maximum" in refused(
        pack_dir
    )


def test_a_bad_file_does_not_hide_the_problems_of_the_others(pack_dir):
    """A story refused for its image still lets the check find the project's unknown theme."""
    edit(pack_dir / "stories/un-recit.md", "    alt: Un dessin bleu\n", "")
    edit(pack_dir / "projects/un-projet.md", "themes: [jeunesse]", "themes: [culture]")
    message = refused(pack_dir)
    assert "bloc dessin : le texte alternatif (alt) manque" in message
    assert "projects/un-projet.md:2: thème inconnu : culture" in message
