"""What search indexes: one source per kind of public item, in a small registry.

A source says which models it copies, which objects are public, and the document each
gives. Adding a kind (FAQ entries, say) is one module here with a `Source` subclass and a
line in `relais/search/sources/registry.py`: see docs/search.md.
"""

from typing import NamedTuple

from django.utils.html import strip_tags


class Document(NamedTuple):
    """What the index keeps of one public item."""

    key: str
    url: str
    title: str
    body: str
    keywords: str = ""
    stages: tuple = ()
    themes: tuple = ()
    boost: float = 1.0


class Source:
    """One kind of public item. Subclasses set the class attributes and the two methods."""

    kind = ""  # short name, in URLs and document keys
    label = ""  # French name of one item, shown on results (lazy gettext)
    plural_label = ""  # French name of the filter
    models = ()  # models whose writes re-index an item (the first is the item's model)
    boost = 1.0  # how much more an item of this kind weighs than a story, at equal match
    order = 50  # position of the kind in the filters

    def public_items(self):
        """Return a queryset (or iterable) of every public item, ready for `document`."""
        raise NotImplementedError

    def document(self, item):
        """Return the Document of a public item."""
        raise NotImplementedError

    def items_for(self, instance):
        """Return the items a write to `instance` changes (by default: itself)."""
        return [instance]

    def key(self, pk):
        return f"{self.kind}:{pk}"


def plain(*parts):
    """Return texts (some may be HTML) joined as plain paragraphs, empty ones skipped."""
    return "\n".join(strip_tags(str(part)).strip() for part in parts if part)
