"""Pack files are read safely: a small set of YAML types, lines kept, Markdown allow-listed."""

import pytest

from relais.packs.files import PackError, load_yaml
from relais.packs.markdown import to_html, to_markdown


def test_chapter_times_and_french_words_stay_text():
    """YAML 1.1 would read 1:05 as 65 and « no » as false."""
    data = load_yaml("start: 1:05\nanswer: no\nyear: 2026\nday: 2026-09-10\n", "x.yaml")
    assert data["start"] == "1:05"
    assert data["answer"] == "no"
    assert data["year"] == 2026
    assert str(data["day"]) == "2026-09-10"


def test_each_key_knows_its_line():
    data = load_yaml("a: 1\nb:\n  c: 2\n  d: [1, 2]\n", "x.yaml", first_line=10)
    assert data.line_of("b") == 11
    assert data["b"].line_of("d") == 13


def test_an_alias_is_refused_with_its_line():
    with pytest.raises(PackError) as caught:
        load_yaml("a: 1\nb: &x [1]\n", "x.yaml")
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("markdown", "line"),
    [("texte\n\n<img src=x onerror=alert(1)>", 3), ("# Titre", 1), ("a\n\n```\ncode\n```", 3)],
)
def test_html_a_level_one_heading_or_code_are_refused_with_their_line(markdown, line):
    with pytest.raises(PackError) as caught:
        to_html(markdown, "s.md", first_line=1)
    assert caught.value.line == line


def test_a_javascript_link_is_not_a_link():
    assert "href" not in to_html("[x](javascript:alert(1))", "s.md")


def test_markdown_comes_back_the_same_from_the_site():
    markdown = (
        "Un **jardin** et *des* [voisins](https://exemple.org).\n\n## Ensuite\n\n"
        "- un ;\n- deux.\n\n1. premier\n2. second\n"
    )
    assert to_markdown(to_html(markdown, "s.md")) == markdown


def test_characters_markdown_would_read_are_escaped_on_export():
    html = "<p>5 * 3 = 15, [note] et un_mot</p>"
    assert to_html(to_markdown(html), "s.md") == html
