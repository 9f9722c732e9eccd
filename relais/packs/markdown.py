"""Markdown of a pack to the site's rich text, and back for the export.

markdown-it-py renders CommonMark; raw HTML in Markdown is refused with its line (a pack is
reviewed as text, and HTML is where scripts hide); nh3 then keeps only the tags the site's
text blocks allow. The export writes the same small subset back as Markdown.
"""

from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt

from django.utils.translation import gettext as _

from .files import PackError

TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "b", "i", "a", "br"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_parser = MarkdownIt("commonmark", {"html": True}).disable(["image"])


def to_html(text, path, first_line=1):
    """Return sanitised HTML for Markdown text; raise PackError on raw HTML or a bad heading."""
    tokens = _parser.parse(text)
    for token in _walk(tokens):
        line = first_line + token.map[0] if token.map else first_line
        if token.type in {"html_block", "html_inline"}:
            raise PackError(_("HTML is not accepted in Markdown: write Markdown only"), path, line)
        if token.type == "heading_open" and token.tag not in {"h2", "h3"}:
            raise PackError(
                _("headings are ## or ### (the page title is the only level-1 heading)"),
                path,
                line,
            )
        if token.type in {"table_open", "code_block", "fence", "hr_open", "blockquote_open"}:
            raise PackError(_("this Markdown element is not accepted in a text block"), path, line)
    html = _parser.renderer.render(tokens, _parser.options, {})
    return clean(html)


def _walk(tokens, line=None):
    for token in tokens:
        if token.map:
            line = token.map
        elif line:
            token.map = line
        yield token
        if token.children:
            yield from _walk(token.children, line)


def clean(html):
    """Keep only the tags, attributes and link schemes of the site's text blocks."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    ).strip()


class _MarkdownWriter(HTMLParser):
    """Write the allow-listed HTML subset as Markdown (anything else keeps only its text)."""

    INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*"}

    def __init__(self, resolve_link):
        super().__init__(convert_charrefs=True)
        self.resolve_link = resolve_link
        self.blocks, self.current, self.lists, self.links = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"p", "h2", "h3"}:
            self._flush()
            self.current.append({"h2": "## ", "h3": "### "}.get(tag, ""))
        elif tag in {"ul", "ol"}:
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._flush()
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            indent = "   " * (len(self.lists) - 1)
            self.current.append(indent + ("- " if kind[0] == "ul" else f"{kind[1]}. "))
        elif tag in self.INLINE:
            self.current.append(self.INLINE[tag])
        elif tag == "a":
            self.links.append(self.resolve_link(attrs))
            self.current.append("[")
        elif tag == "br":
            self.current.append("\\\n")

    def handle_endtag(self, tag):
        if tag in self.INLINE:
            self.current.append(self.INLINE[tag])
        elif tag == "a":
            self.current.append(f"]({self.links.pop() if self.links else ''})")
        elif tag in {"p", "h2", "h3", "li"}:
            self._flush(tight=tag == "li")
        elif tag in {"ul", "ol"} and self.lists:
            self.lists.pop()
            if not self.lists:
                self.blocks.append("")

    def handle_data(self, data):
        self.current.append(escape(data))

    def _flush(self, tight=False):
        text = "".join(self.current).strip()
        self.current = []
        if text:
            self.blocks.append(text)
            if not tight and not self.lists:
                self.blocks.append("")

    def markdown(self):
        self._flush()
        lines = []
        for line in self.blocks:
            if line == "" and (not lines or lines[-1] == ""):
                continue
            lines.append(line)
        return "\n".join(lines).strip() + "\n"


def escape(text):
    """Escape what Markdown would read as markup in plain text."""
    text = " ".join(text.split("\n"))
    for char in "\\`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


def to_markdown(html, resolve_link=None):
    """Return Markdown for rich text HTML of the site."""
    writer = _MarkdownWriter(resolve_link or (lambda attrs: attrs.get("href", "")))
    writer.feed(html or "")
    writer.close()
    return writer.markdown()
