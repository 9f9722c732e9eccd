"""Excerpts of results: the passage around the first searched word, with words marked.

The text is escaped piece by piece and only our own <mark> tags are added, so HTML typed
in a story or a query is shown as text, never run.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import STOP_WORDS, WORD, fold, stem

EXCERPT_CHARS = 220


def _matches(text, stems):
    """Return the (start, end) of each word of the text whose stem is searched."""
    spans = []
    for match in WORD.finditer(text):
        word = fold(match.group())
        if word not in STOP_WORDS and stem(word) in stems:
            spans.append(match.span())
    return spans


def highlight(text, stems):
    """Return the whole (short) text escaped, the searched words in <mark>."""
    return mark_safe(_marked(text, _matches(text, stems), 0, len(text)))  # noqa: S308  # nosec B308, B703  # escaped by _marked


def excerpt(text, stems, length=EXCERPT_CHARS):
    """Return about `length` characters of the text around its first searched word."""
    text = " ".join(text.split())
    spans = _matches(text, stems)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    body = _marked(text, spans, start, end)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308  # nosec B308, B703  # escaped by _marked


def _marked(text, spans, start, end):
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    return "".join(pieces)
