"""glossary/*.md: a term of the glossary; the body is its definition (plain text).

The term, its synonyms and its other forms (plurals, variants) are linked to the definition
in texts: a form may belong to one term only.
"""

from django.utils.translation import gettext as _

from relais.glossary.linking import fold
from relais.glossary.models import DEFINITION_MAX_LENGTH, GlossaryTerm, lines

from ..files import PackError
from ..pack import check_lengths
from ..writes import upsert
from .common import read_documents, require_text

NAME = "glossary"
FOLDER = "glossary"
SPEC = {
    "slug": (str, True),
    "term": (str, True),
    "synonyms": (list, False),
    "forms": (list, False),
}
FORM_MAX_LENGTH = 80


def read(pack):
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, _parse)


def _parse(document, values):
    check_lengths(values, document.meta, document.path, GlossaryTerm, {"term": "term"})
    definition = require_text(document, _("the definition is missing below the front matter"))
    if len(definition) > DEFINITION_MAX_LENGTH:
        message = _("the definition is too long: %(max)d characters at most") % {
            "max": DEFINITION_MAX_LENGTH
        }
        raise PackError(message, document.path, document.body_line)
    values["definition"] = definition
    for key in ("synonyms", "forms"):
        values[key] = _texts(document, key)
    values["path"], values["line"] = document.path, document.meta.line
    values["lines"] = {key: document.meta.line_of(key) for key in ("term", "synonyms", "forms")}
    return values


def _texts(document, key):
    """Return a list of short texts of the front matter, each once."""
    value = document.meta.get(key) or []
    if not all(
        isinstance(item, str) and 0 < len(item.strip()) <= FORM_MAX_LENGTH for item in value
    ):
        message = _("%(key)s must be a list of words of %(max)d characters at most") % {
            "key": key,
            "max": FORM_MAX_LENGTH,
        }
        raise PackError(message, document.path, document.meta.line_of(key))
    return list(dict.fromkeys(item.strip() for item in value))


def check(pack):
    """A form (term, synonym or other form) names one term only, accents and case ignored."""
    owners = {}
    for item in pack.items[NAME]:
        forms = [("term", item["term"])]
        forms += [(key, form) for key in ("synonyms", "forms") for form in item[key]]
        for key, form in forms:
            owner = owners.setdefault(fold(form), item["path"])
            if owner != item["path"]:
                message = _("“%(form)s” is already a form of the term of %(other)s") % {
                    "form": form,
                    "other": owner,
                }
                pack.error(PackError(message, item["path"], item["lines"][key]))


def load(pack, changes, context):
    for item in pack.items[NAME]:
        other = GlossaryTerm.objects.filter(term=item["term"]).exclude(slug=item["slug"]).first()
        if other is not None:
            message = _("the term %(term)s already exists on the site with the slug %(slug)s")
            raise PackError(message % {"term": item["term"], "slug": other.slug}, item["path"])
        values = {
            "term": item["term"],
            "definition": item["definition"],
            "synonyms": "\n".join(item["synonyms"]),
            "forms": "\n".join(item["forms"]),
        }
        upsert(GlossaryTerm, {"slug": item["slug"]}, values, changes, NAME)


def export(out):
    for term in GlossaryTerm.objects.order_by("slug"):
        meta = {
            "slug": term.slug,
            "term": term.term,
            "synonyms": lines(term.synonyms),
            "forms": lines(term.forms),
        }
        out.write_markdown(f"{FOLDER}/{term.slug}.md", meta, term.definition)
