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


def _variants():
    """Return, for each folded character, every character that folds to it, both cases."""
    variants = {}
    for code in [*range(0x20, 0x250), *FOLD]:
        char = chr(code)
        key = char.translate(FOLD).lower()
        if len(key) == 1:
            variants.setdefault(key, set()).add(char)
    return variants


VARIANTS = _variants()
# What a term is never linked inside: links and other interactive elements, headings, code,
# form labels, the definition of a term itself, and elements whose text is not shown as such.
SKIPPED = frozenset(
    {
        *("a", "button", "label", "select", "option", "textarea", "summary"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
        *("code", "pre", "kbd", "samp", "dfn"),
        *("script", "style", "title", "template", "noscript"),
        *("svg", "math", "iframe", "object", "audio", "video", "canvas"),
    }
)
# A tag, a comment or a declaration, whole (a ">" inside quotes does not end a tag), and the
# name of a tag ("/a" for a closing one).
TAG = re.compile(
    r"""(<!--.*?-->|<[!?][^>]*>|<(/?[A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>)""", re.S
)
ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)")
SKIPPED_NAMES = SKIPPED | {f"/{name}" for name in SKIPPED}
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
    return Matcher(re.compile(_trie_pattern(entries)), entries)


def _trie_pattern(forms):
    """Return a pattern of the forms as a tree of their letters: fast, and longest first.

    Each letter is a class of its cases and accents (no re.IGNORECASE, no folding of the
    text): the pattern then starts with one class of every first letter, which the regex
    engine skips to in C. Right after that letter, a lookbehind checks that it starts a word.
    """
    trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    firsts = "".join(sorted(set().union(*(_chars(char) for char in trie))))
    branches = [f"(?<={_char_pattern(char)}){_node_pattern(child)}" for char, child in trie.items()]
    return rf"[{re.escape(firsts)}](?<!\w.)(?:{'|'.join(branches)})(?!\w)"


def _node_pattern(node):
    branches = [_char_pattern(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # A form may stop here: try the longer forms first (greedy), the regex backtracks.
    return f"(?:{pattern})?" if "" in node else pattern


def _chars(char):
    return VARIANTS.get(char, {char, char.upper()})


def _char_pattern(char):
    if char == " ":
        return r"\s+"
    chars = sorted(_chars(char))
    if len(chars) == 1:
        return re.escape(chars[0])
    return f"[{''.join(map(re.escape, chars))}]"


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
    # Where a term may start, found in one pass over the whole HTML (tags included: the
    # texts between tags are checked below); a text with entities is read as decoded.
    candidates = [found.start() for found in matcher.pattern.finditer(html)]
    if not candidates and "&" not in html:
        return html
    candidates.append(len(html))
    parts = TAG.split(html)  # text, tag, tag name, text, tag, tag name, …, text
    linked, skipped, position, next_candidate = set(), 0, 0, 0
    for index in range(0, len(parts), 3):
        if index:
            position += len(parts[index - 2])
            name = parts[index - 1]
            if name and name.lower() in SKIPPED_NAMES:
                skipped = _skipped_after(parts[index - 2], name.lower(), skipped)
        text = parts[index]
        end = position + len(text)
        while candidates[next_candidate] < position:
            next_candidate += 1
        if skipped or not (
            candidates[next_candidate] < end or _entities_hide_a_term(text, matcher)
        ):
            position = end
            continue
        parts[index] = _link_text(text, matcher, prefix, linked)
        if len(linked) == matcher.count:
            break
        position = end
    del parts[2::3]  # the tag names
    return "".join(parts)


def _skipped_after(tag, name, skipped):
    """Return how many elements whose text is left alone are open after this tag."""
    if name[0] == "/":
        return max(skipped - 1, 0)
    return skipped if tag.endswith("/>") else skipped + 1


def _entities_hide_a_term(text, matcher):
    """Whether a text holds a term once its entities are decoded ("l&#x27;ESS")."""
    return "&" in text and matcher.pattern.search(unescape(text)) is not None


def _link_text(raw, matcher, prefix, linked):
    """Return a text between two tags with the first occurrence of unlinked terms linked."""
    if "&" in raw:
        text, offsets = _unescape_with_offsets(raw)
    else:
        text, offsets = raw, None
    pieces, last = [], 0
    for found in matcher.pattern.finditer(text):
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
