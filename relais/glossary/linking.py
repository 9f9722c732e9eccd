"""Link the first occurrence of each glossary term in a fragment of HTML to its definition.

`link_terms(html, matcher, prefix)` is a pure function: the matcher is built once per content
version (`relais.glossary.services.current_matcher`). The HTML is split on its tags, never
parsed and written back: what comes out is what came in, byte for byte, plus the links.

A term matches whatever its case and accents ("economie sociale" finds "Économie sociale"),
as a whole word ("ESS" is found in "l'ESS", not in "ESSAI" nor in "Tess"), the longest form
first. Text inside links, headings, code, buttons, labels and the like is left alone, and so
are attributes and entities (a term never splits "&amp;"). A term split across two tags
("<em>économie</em> sociale") is not found.
"""

import re
import unicodedata
from dataclasses import dataclass
from html import escape, unescape


def _fold_table():
    """Return a str.translate table that drops accents and keeps every text's length."""
    table = {}
    for code in range(0xC0, 0x250):  # Latin-1 letters and Latin Extended-A and B
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = "".join(char for char in decomposed if not unicodedata.combining(char))
        if len(base) == 1 and base != chr(code):
            table[code] = base
    # Typographic apostrophes and hyphens are written either way.
    table.update({ord(char): "'" for char in "\u2019\u02bc"})
    table.update({ord(char): "-" for char in "\u2010\u2011"})
    return table


FOLD = _fold_table()
# What a term is never linked inside: links and other interactive elements, headings, code,
# form labels, the definition of a term itself, and elements whose text is not shown as such.
SKIPPED = frozenset(
    "a h1 h2 h3 h4 h5 h6 code pre kbd samp script style button label select option "
    "textarea summary dfn title svg math template noscript iframe object audio video "
    "canvas".split()
)
RAW_TEXT = frozenset({"script", "style"})  # their text may hold "<": jump to their end
TAG = re.compile(
    r"""<!--.*?-->|<![^>]*>|<\?[^>]*>"""
    r"""|<(?P<close>/?)(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL,
)
ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)")
PREFIX = re.compile(r"^[A-Za-z][-A-Za-z0-9_]*$")


def fold(text):
    """Return text as terms are compared: without accents, in lower case, single-spaced."""
    return " ".join(text.translate(FOLD).lower().split())


@dataclass(frozen=True)
class Entry:
    """What a link to a term needs: its anchor, its page address and its escaped definition."""

    slug: str
    url: str
    definition: str


class Matcher:
    """The glossary compiled into one regular expression, and the term of each form."""

    def __init__(self, pattern, entries):
        self.pattern = pattern  # None for an empty glossary
        self.entries = entries  # {folded form: Entry}
        self.count = len({entry.slug for entry in entries.values()})


def build_matcher(terms, index_url):
    """Return the Matcher of `terms`: (slug, forms, definition) triples.

    A form claimed by two terms belongs to the first one.
    """
    entries = {}
    for slug, forms, definition in terms:
        entry = Entry(slug, escape(f"{index_url}#{slug}"), escape(definition))
        for form in forms:
            if fold(form):
                entries.setdefault(fold(form), entry)
    if not entries:
        return Matcher(None, {})
    pattern = re.compile(rf"(?<!\w){_trie_pattern(entries)}(?!\w)", re.IGNORECASE)
    return Matcher(pattern, entries)


def _trie_pattern(forms):
    """Return a pattern of the forms as a tree of their letters: fast, and longest first."""
    trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    return _node_pattern(trie)


def _node_pattern(node):
    branches = [_char_pattern(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # A form may stop here: try the longer forms first (greedy), the regex backtracks.
    return f"(?:{pattern})?" if "" in node else pattern


def _char_pattern(char):
    return r"\s+" if char == " " else re.escape(char)


def link_terms(html, matcher, prefix):
    """Return `html` with the first occurrence of each term linked to its definition.

    The link keeps the text as written; the definition follows it in a hidden element that
    the link names with aria-describedby, so that screen readers announce it on focus. Ids
    are `<prefix>-<slug>`: give each fragment of a page its own prefix. Only the first
    occurrence in this fragment is linked, not the first of the page.
    """
    if not PREFIX.match(prefix):
        raise ValueError(f"invalid id prefix: {prefix!r}")
    if matcher.pattern is None or not html:
        return html
    out, linked, position, skipped = [], set(), 0, 0
    while len(linked) < matcher.count:
        tag = TAG.search(html, position)
        end = tag.start() if tag else len(html)
        text = html[position:end]
        out.append(_link_text(text, matcher, prefix, linked) if not skipped else text)
        if tag is None:
            return "".join(out)
        out.append(tag.group())
        position = tag.end()
        name = tag.group("name")
        if name is None or name.lower() not in SKIPPED:
            continue
        if tag.group("close"):
            skipped = max(skipped - 1, 0)
        elif not tag.group("attrs").endswith("/"):
            skipped += 1
            if name.lower() in RAW_TEXT:
                closing = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, position)
                raw_end = closing.start() if closing else len(html)
                out.append(html[position:raw_end])
                position = raw_end
    out.append(html[position:])
    return "".join(out)


def _link_text(raw, matcher, prefix, linked):
    """Return a text between two tags with the first occurrence of unlinked terms linked."""
    if "&" in raw:
        text, offsets = _unescape_with_offsets(raw)
    else:
        text, offsets = raw, None
    pieces, last = [], 0
    for found in matcher.pattern.finditer(text.translate(FOLD)):
        entry = matcher.entries.get(fold(found.group()))
        if entry is None or entry.slug in linked:
            continue
        linked.add(entry.slug)
        start, end = found.span()
        if offsets is not None:
            start, end = offsets[start], offsets[end]
        pieces += [raw[last:start], _link(raw[start:end], entry, prefix)]
        last = end
    if not pieces:
        return raw
    pieces.append(raw[last:])
    return "".join(pieces)


def _unescape_with_offsets(raw):
    """Return the text of raw HTML text and, for each of its characters, where it starts in raw.

    A character decoded from an entity starts where the entity starts, so that a match
    begins and ends on whole entities.
    """
    parts, offsets, last = [], [], 0
    for entity in ENTITY.finditer(raw):
        start, end = entity.span()
        decoded = unescape(entity.group())
        parts += [raw[last:start], decoded]
        offsets.extend(range(last, start))
        offsets.extend([start] * len(decoded))
        last = end
    parts.append(raw[last:])
    offsets.extend(range(last, len(raw) + 1))  # and one past the end
    return "".join(parts), offsets


def _link(text, entry, prefix):
    ident = f"{prefix}-{entry.slug}"
    return (
        f'<a class="glossary-term" href="{entry.url}" aria-describedby="{ident}">{text}</a>'
        f'<span id="{ident}" hidden>{entry.definition}</span>'
    )
