"""stories/*.md: a published story of the programme; Markdown text with its blocks."""

from relais.journey.models import Ambassador, LaureateProject, Stage, Theme
from relais.stories.models import StoryPage

from ..pack import slug_list
from ..writes import publish_page
from .blocks import check_body, export_body, raw_body, read_body
from .common import read_documents

NAME = "story"
FOLDER = "stories"
SPEC = {
    "slug": (str, True),
    "title": (str, True),
    "intro": (str, True),
    "project": (str, False),
    "ambassadors": (list, False),
    "stages": (list, False),
    "themes": (list, False),
    "image": (str, False),
    "blocks": (dict, False),
}
BLOCKS = ("text", "image", "audio", "quote", "tip", "key_figures", "timeline")


def read(pack):
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, lambda d, v: _parse(pack, d, v))


def _parse(pack, document, values):
    meta = document.meta
    for key in ("ambassadors", "stages", "themes"):
        values[key] = slug_list(meta, key, document.path)
    if "image" in values:
        values["image"] = pack.media.image(values["image"], document.path, meta.line_of("image"))
    values["body"] = read_body(pack, document, values.pop("blocks", None), BLOCKS)
    values["path"], values["line"] = document.path, meta.line
    return values


def check(pack):
    for item in pack.items[NAME]:
        path, line = item["path"], item["line"]
        if "project" in item:
            pack.reference("projects", item["project"], path, line)
        for slug in item["ambassadors"]:
            pack.reference("ambassadors", slug, path, line)
        for slug in item["stages"]:
            pack.reference("stage", slug, path, line)
        for slug in item["themes"]:
            pack.reference("theme", slug, path, line)
        check_body(pack, path, item["body"])


def load(pack, changes, context):
    for item in pack.items[NAME]:
        title = item["title"]
        image_title = f"Illustration – {title}"
        listing = context["image"](item["image"], image_title) if "image" in item else None
        stages = [context["stages"][slug] for slug in item["stages"]]
        publish_page(
            context["index"],
            StoryPage,
            item["slug"],
            {
                "title": title,
                "intro": item["intro"],
                "listing_image": listing,
                "project": LaureateProject.objects.filter(slug=item.get("project")).first(),
                "body": raw_body(item["body"], context, image_title),
                "is_example": pack.example,
            },
            changes,
            NAME,
            relations={
                "ambassadors": list(Ambassador.objects.filter(slug__in=item["ambassadors"])),
                "stages": stages,
                "themes": list(Theme.objects.filter(slug__in=item["themes"])),
            },
        )


def export(out):
    for story in out.stories():
        blocks, body = export_body(out, story.body)
        meta = {
            "slug": story.slug,
            "title": story.title,
            "intro": story.intro,
            "project": story.project.slug if story.project else "",
            "ambassadors": sorted(a.slug for a in story.ambassadors.all()),
            "stages": [
                s.slug for s in Stage.objects.filter(pk__in=[s.pk for s in story.stages.all()])
            ],
            "themes": sorted(t.slug for t in story.themes.all()),
            "image": out.media(story.listing_image.file, story.listing_image.file.name)
            if story.listing_image
            else "",
            "blocks": blocks,
        }
        out.write_markdown(f"{FOLDER}/{story.slug}.md", meta, body)
