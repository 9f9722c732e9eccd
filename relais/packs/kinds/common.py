"""What the Markdown kinds share: reading a folder of documents, slugs and examples."""

from ..files import PackError
from ..pack import fields


def read_documents(pack, folder, spec, parse):
    """Read every Markdown file of a folder; parse(document, values) returns the item."""
    items = []
    for path in pack.guard(pack.folder.files, folder, ".md") or []:
        document = pack.guard(pack.folder.read_markdown, path)
        if document is None:
            continue
        values = pack.guard(fields, document.meta, document.path, spec)
        if values is None:
            continue
        pack.claim_slug(folder, values["slug"], document.path, document.meta.line_of("slug"))
        item = pack.guard(parse, document, values)
        if item is not None:
            items.append(item)
    return items


def require_text(document, message):
    """Return the Markdown body of a document, which must not be empty."""
    if not document.body.strip():
        raise PackError(message, document.path, document.body_line)
    return document.body.strip()


def unique_slug(slug, taken):
    """Return slug, or slug-2, slug-3… if another item of the export already has it."""
    candidate, number = slug or "element", 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate
