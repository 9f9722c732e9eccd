"""ambassadors/*.md: an ambassador's public portrait; the Markdown body is the short bio.

Only what the ambassador agreed to show is in a pack: the public name, structure, drawn or
consented photo and bio, and whether they accept newcomers' questions. A pack written by
hand may give the address those questions go to (`contact_email`, never shown on the site);
an export never writes it, nor accounts or testimonies, and an import without it leaves the
address already set alone.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from relais.journey.models import Ambassador, LaureateProject

from ..files import PackError
from ..media import stored_image
from ..pack import check_lengths, slug_list
from ..writes import UPDATED, set_many, upsert
from .common import read_documents

NAME = "ambassador"
FOLDER = "ambassadors"
SPEC = {
    "slug": (str, True),
    "name": (str, True),
    "structure": (str, False),
    "photo": (str, False),
    "photo_alt": (str, False),
    "years_labelled": (str, False),
    "public": (bool, False),
    "projects": (list, False),
    "accepts_questions": (bool, False),
    "contact_email": (str, False),
}


def read(pack):
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, lambda d, v: _parse(pack, d, v))


def _parse(pack, document, values):
    meta = document.meta
    names = {
        "name": "display_name",
        "structure": "structure",
        "photo_alt": "photo_alt",
        "years_labelled": "years_labelled",
        "contact_email": "contact_email",
    }
    check_lengths(values, meta, document.path, Ambassador, names)
    _check_email(values, meta, document.path)
    if "photo" in values:
        if not values.get("photo_alt"):
            raise PackError(
                _("photo_alt is missing: describe the photo for people who cannot see it"),
                document.path,
                meta.line_of("photo"),
            )
        values["photo"] = pack.media.image(values["photo"], document.path, meta.line_of("photo"))
    values["bio"] = document.body.strip()
    values["projects"] = slug_list(meta, "projects", document.path)
    values["path"], values["line"] = document.path, meta.line
    return values


def _check_email(values, meta, path):
    if not values.get("contact_email"):
        return
    try:
        validate_email(values["contact_email"])
    except ValidationError:
        message = _("contact_email is not a valid email address")
        raise PackError(message, path, meta.line_of("contact_email")) from None


def check(pack):
    for item in pack.items[NAME]:
        for project in item["projects"]:
            pack.reference("projects", project, item["path"], item["line"])


def load(pack, changes, context):
    for item in pack.items[NAME]:
        photo = item.get("photo")
        values = {
            "display_name": item["name"],
            "structure": item.get("structure", ""),
            "photo": stored_image(photo, f"Portrait – {item['name']}")[0] if photo else None,
            "photo_alt": item.get("photo_alt", ""),
            "years_labelled": item.get("years_labelled", ""),
            "bio": item["bio"],
            "public_profile": item.get("public", True),
            "accepts_questions": item.get("accepts_questions", False),
            "is_example": pack.example,
        }
        if item.get("contact_email"):  # exports leave it out: keep the address already set
            values["contact_email"] = item["contact_email"]
        ambassador, action = upsert(Ambassador, {"slug": item["slug"]}, values, changes, NAME)
        projects = list(LaureateProject.objects.filter(slug__in=item["projects"]))
        if set_many(ambassador, "projects", projects) and action != "created":
            changes.rows[-1] = (UPDATED, NAME, item["slug"])


def export(out):
    for ambassador in out.ambassadors():
        meta = {"slug": ambassador.slug, "name": ambassador.display_name}
        if ambassador.public_profile:
            meta.update(
                {
                    "structure": ambassador.structure,
                    "photo": out.media(ambassador.photo.file, ambassador.photo.file.name)
                    if ambassador.photo
                    else "",
                    "photo_alt": ambassador.photo_alt if ambassador.photo else "",
                    "years_labelled": ambassador.years_labelled,
                }
            )
            if ambassador.accepts_questions:
                meta["accepts_questions"] = True  # where they go stays private: not exported
        else:
            meta["public"] = False
        meta["projects"] = sorted(ambassador.projects.values_list("slug", flat=True))
        bio = ambassador.bio if ambassador.public_profile else ""
        out.write_markdown(f"{FOLDER}/{ambassador.slug}.md", meta, bio)
