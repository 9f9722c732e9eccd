"""projects/*.md: a laureate project; the Markdown body is its short description."""

from decimal import Decimal

from django.utils.translation import gettext as _

from relais.journey.models import LaureateProject, ProjectEdition, Territory, Theme

from ..files import PackError
from ..pack import check_lengths, slug_list
from ..writes import UPDATED, set_children, set_many, upsert
from .common import read_documents, require_text

NAME = "project"
FOLDER = "projects"
SPEC = {
    "slug": (str, True),
    "title": (str, True),
    "carrier": (str, True),
    "territory": (str, True),
    "themes": (list, False),
    "editions": (list, False),
}


def read(pack):
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, _parse)


def _parse(document, values):
    names = {"title": "name", "carrier": "carrier"}
    check_lengths(values, document.meta, document.path, LaureateProject, names)
    values["description"] = require_text(
        document, _("the short description is missing below the front matter")
    )
    values["themes"] = slug_list(document.meta, "themes", document.path)
    values["editions"] = [_edition(document, e) for e in values.get("editions", [])]
    values["path"], values["line"] = document.path, document.meta.line
    return values


def _edition(document, edition):
    line = getattr(edition, "line", None)
    if not isinstance(edition, dict) or not isinstance(edition.get("year"), int):
        raise PackError(
            _("an edition is {year: 2024, labelled: true, amount: 8500}"), document.path, line
        )
    amount = edition.get("amount")
    if amount is not None and not isinstance(amount, int | float):
        raise PackError(_("the amount is a number of euros"), document.path, line)
    return (
        edition["year"],
        bool(edition.get("labelled", True)),
        Decimal(amount) if amount is not None else None,
    )


def check(pack):
    for item in pack.items[NAME]:
        pack.reference("territory", item["territory"], item["path"], item["line"])
        for theme in item["themes"]:
            pack.reference("theme", theme, item["path"], item["line"])


def load(pack, changes, context):
    for item in pack.items[NAME]:
        values = {
            "programme": context["programme"],
            "name": item["title"],
            "carrier": item["carrier"],
            "commune": Territory.objects.get(slug=item["territory"]),
            "short_description": item["description"],
            "is_example": pack.example,
        }
        project, action = upsert(LaureateProject, {"slug": item["slug"]}, values, changes, NAME)
        changed = set_many(project, "themes", list(Theme.objects.filter(slug__in=item["themes"])))
        changed |= set_children(
            project, "editions", ProjectEdition, item["editions"], ("year", "labelled", "amount")
        )
        if changed and action != "created":
            changes.rows[-1] = (UPDATED, NAME, item["slug"])


def export(out):
    for project in out.projects():
        meta = {
            "slug": project.slug,
            "title": project.name,
            "carrier": project.carrier,
            "territory": project.commune.slug,
            "themes": sorted(project.themes.values_list("slug", flat=True)),
            "editions": [
                {
                    "year": e.year,
                    "labelled": e.labelled,
                    **({"amount": int(e.amount)} if e.amount is not None else {}),
                }
                for e in project.editions.all()
            ],
        }
        out.write_markdown(f"{FOLDER}/{project.slug}.md", meta, project.short_description)
