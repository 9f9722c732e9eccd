"""stories/*.md: a published story of the programme; Markdown text with its blocks."""

from relais.journey.models import Ambassador, LaureateProject, Stage, Theme
from relais.stories.models import StoryPage

from ..bulk import create_pages
from ..pack import check_lengths, slug_list
from ..writes import CREATED, publish_page
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
    check_lengths(values, meta, document.path, StoryPage, {"title": "title", "intro": "intro"})
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
    """Update the stories already on the site by slug; create the new ones in bulk."""
    index = context["index"]
    context["projects"] = {p.slug: p for p in LaureateProject.objects.all()}
    context["ambassadors"] = {a.slug: a for a in Ambassador.objects.all()}
    context["themes"] = {t.slug: t for t in Theme.objects.all()}
    existing = set(StoryPage.objects.child_of(index).values_list("slug", flat=True))
    new = []
    for item in pack.items[NAME]:
        fields, relations = _values(pack, item, context)
        if item["slug"] in existing:
            publish_page(index, StoryPage, item["slug"], fields, changes, NAME, relations)
        else:
            # StoryPage.save() sets has_audio; pages created in bulk are not saved one by one.
            fields["has_audio"] = any(block["type"] == "audio" for block in fields["body"])
            new.append((item["slug"], fields, relations))
            changes.add(CREATED, NAME, item["slug"])
    create_pages(index, StoryPage, new)


def _values(pack, item, context):
    title = item["title"]
    image_title = f"Illustration – {title}"
    listing = context["image"](item["image"], image_title) if "image" in item else None
    fields = {
        "title": title,
        "intro": item["intro"],
        "listing_image": listing,
        "project": context["projects"].get(item.get("project")),
        "body": raw_body(item["body"], context, image_title),
        "is_example": pack.example,
    }
    relations = {
        "ambassadors": [context["ambassadors"][slug] for slug in item["ambassadors"]],
        "stages": [context["stages"][slug] for slug in item["stages"]],
        "themes": [context["themes"][slug] for slug in item["themes"]],
    }
    return fields, relations


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
