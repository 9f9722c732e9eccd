"""The words a card can quote: the plain text of a source, its sentences, a chosen passage.

A quote is checked against the source it names: editors pick sentences (or select text
with the mouse), and whatever the browser sends must be found in that source's text.
"""

import re
from html import unescape

from django.utils.html import strip_tags

# A sentence ends with . ! ? or … (closing quotes and brackets included), then a space.
SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"')\]]*\s+")
BLOCK_END = re.compile(r"</(p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
SPACES = re.compile(r"\s+")


def normalize(text):
    """Return `text` with every run of spaces and line breaks made one space."""
    return SPACES.sub(" ", text).strip()


def answer_text(answer):
    """Return the words of a testimony answer, as the ambassador wrote them."""
    return answer.text


def story_text(story):
    """Return the plain text of a story's text blocks, one paragraph a line."""
    paragraphs = []
    for block in story.body:
        if block.block_type == "text":
            html = BLOCK_END.sub("\n", block.value.source)
            paragraphs += [line.strip() for line in unescape(strip_tags(html)).splitlines()]
    return "\n".join(line for line in paragraphs if line)


def sentences(text):
    """Return the sentences of `text` in order, each with its spaces made single."""
    found = []
    for paragraph in text.splitlines():
        found += [normalize(part) for part in SENTENCE_END.split(paragraph) if part.strip()]
    return found


def contains(text, quote):
    """Whether `quote` is a passage of `text` (spaces and line breaks aside)."""
    quote = normalize(quote)
    return bool(quote) and quote in normalize(text)


def passage_of(text, numbers):
    """Return the passage made of the sentences numbered `numbers` (from 0), or None.

    The sentences must follow one another: a passage is one piece of the text.
    """
    numbers = sorted(set(numbers))
    parts = sentences(text)
    if not numbers or numbers[0] < 0 or numbers[-1] >= len(parts):
        return None
    if numbers != list(range(numbers[0], numbers[-1] + 1)):
        return None
    return " ".join(parts[numbers[0] : numbers[-1] + 1])
