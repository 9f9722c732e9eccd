"""pages/*.md: the about page and the legal pages, children of the home page."""

from relais.core.models import StandardPage

from ..writes import publish_page
from .blocks import check_body, export_body, raw_body, read_body
from .common import read_documents

NAME = "page"
FOLDER = "pages"
SPEC = {
    "slug": (str, True),
    "title": (str, True),
    "intro": (str, False),
    "menu": (bool, False),
    "funder_details": (bool, False),
    "blocks": (dict, False),
}
BLOCKS = ("text", "image", "site_contact")


def read(pack):
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, lambda d, v: _parse(pack, d, v))


def _parse(pack, document, values):
    values["body"] = read_body(pack, document, values.pop("blocks", None), BLOCKS)
    values["path"] = document.path
    return values


def check(pack):
    for item in pack.items[NAME]:
        check_body(pack, item["path"], item["body"])


def load(pack, changes, context):
    for item in pack.items[NAME]:
        fields = {
            "title": item["title"],
            "intro": item.get("intro", ""),
            "show_in_menus": item.get("menu", False),
            "show_funder_details": item.get("funder_details", False),
            "body": raw_body(item["body"], context, item["title"]),
        }
        publish_page(context["home"], StandardPage, item["slug"], fields, changes, NAME)


def export(out):
    for page in out.standard_pages():
        blocks, body = export_body(out, page.body)
        meta = {
            "slug": page.slug,
            "title": page.title,
            "intro": page.intro,
            "menu": page.show_in_menus or None,
            "funder_details": page.show_funder_details or None,
            "blocks": blocks,
        }
        out.write_markdown(f"{FOLDER}/{page.slug}.md", meta, body)
