"""Headings give every page an outline a screen reader can walk: real, one h1, none skipped."""

import re
from html.parser import HTMLParser

import pytest

HEADING = re.compile(r"h[1-6]")


class Outline(HTMLParser):
    """Collect the headings of a page, and the paragraphs that only hold bold text."""

    def __init__(self, html):
        super().__init__()
        self.headings, self.bold_paragraphs = [], []
        self._paragraph = None  # [text, bold text] of the open <p>
        self._bold = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if HEADING.fullmatch(tag):
            self.headings.append([int(tag[1]), ""])
        elif tag == "p":
            self._paragraph = ["", ""]
        elif tag in ("strong", "b"):
            self._bold += 1

    def handle_endtag(self, tag):
        if tag in ("strong", "b"):
            self._bold -= 1
        elif tag == "p" and self._paragraph:
            text, bold = (part.strip() for part in self._paragraph)
            if text and text == bold:
                self.bold_paragraphs.append(text)
            self._paragraph = None

    def handle_data(self, data):
        if self.headings and self.lasttag == f"h{self.headings[-1][0]}":
            self.headings[-1][1] += data
        if self._paragraph is not None:
            self._paragraph[0] += data
            if self._bold:
                self._paragraph[1] += data


def skipped_levels(headings):
    """Return the headings that go down more than one level from the one before."""
    skipped, previous = [], 0
    for level, text in headings:
        if level > previous + 1:
            skipped.append(f"h{previous} → h{level} {text.strip()!r}")
        previous = level
    return skipped


def test_outline_helpers_see_a_skipped_level_and_a_bold_paragraph():
    """The checks below can fail: h1 then h3, and a paragraph in bold posing as a heading."""
    outline = Outline("<h1>Titre</h1><p><strong>Faux titre</strong></p><h3>Sous-titre</h3>")
    assert skipped_levels(outline.headings) == ["h1 → h3 'Sous-titre'"]
    assert outline.bold_paragraphs == ["Faux titre"]
    assert Outline("<p><strong>Attention :</strong> texte.</p>").bold_paragraphs == []


@pytest.mark.django_db
def test_public_pages_use_headings_in_order(client, public_urls):
    """Every public page starts at one h1 and never jumps a level (h2 before any h3)."""
    problems = {}
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        outline = Outline(response.content.decode())
        levels = [level for level, _ in outline.headings]
        if levels.count(1) != 1 or skipped_levels(outline.headings):
            problems[url] = skipped_levels(outline.headings) or levels
    assert problems == {}


@pytest.mark.django_db
def test_public_pages_have_no_bold_paragraph_posing_as_a_heading(client, public_urls):
    """Section titles (accessibility statement, legal pages…) are headings, not bold text."""
    problems = {}
    for url in public_urls:
        outline = Outline(client.get(url).content.decode())
        if outline.bold_paragraphs:
            problems[url] = outline.bold_paragraphs
    assert problems == {}
