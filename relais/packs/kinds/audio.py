"""audio/*.md: an audio capsule, its file, chapters and transcript (the Markdown body)."""

import re
from pathlib import Path

from django.core.files import File
from django.utils.text import slugify
from django.utils.translation import gettext as _

from relais.media.choices import MediaStatus
from relais.stories.audio import AudioCapsule, AudioChapter, validate_timestamp

from ..files import PackError
from ..media import same_content
from ..pack import check_lengths
from ..writes import CREATED, UNCHANGED, UPDATED, set_children
from .common import read_documents, require_text, unique_slug

# Django's storage adds _ and 7 characters to a name already taken.
STORAGE_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}$")
NAME = "audio"
FOLDER = "audio"
SPEC = {"slug": (str, True), "title": (str, True), "file": (str, True), "chapters": (list, False)}


def read(pack):
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, lambda d, v: _parse(pack, d, v))


def _parse(pack, document, values):
    meta = document.meta
    check_lengths(values, meta, document.path, AudioCapsule, {"title": "title"})
    values["transcript"] = require_text(
        document, _("the transcript is missing below the front matter")
    )
    values["media"] = pack.media.audio(values["file"], document.path, meta.line_of("file"))
    values["chapters"] = [_chapter(document, c) for c in values.get("chapters", [])]
    return values


def _chapter(document, chapter):
    line = getattr(chapter, "line", None) or document.meta.line_of("chapters")
    if not isinstance(chapter, dict) or set(chapter) != {"start", "title"}:
        raise PackError(_('a chapter is {start: "m:ss", title: …}'), document.path, line)
    start = str(chapter["start"])
    try:
        validate_timestamp(start)
    except Exception:
        raise PackError(
            _("%(start)s is not a time such as 1:05") % {"start": start}, document.path, line
        ) from None
    return (start, str(chapter["title"]))


def check(pack):
    """Audio capsules name no other item."""


def load(pack, changes, context):
    context["audio"] = {None: None}
    for item in pack.items[NAME]:
        context["audio"][item["slug"]] = _capsule(item, changes)


def _capsule(item, changes):
    """Find a capsule again by its title; store its file only when its content changed."""
    capsule = AudioCapsule.objects.filter(title=item["title"]).order_by("pk").first()
    action = UNCHANGED
    if capsule is None:
        capsule, action = AudioCapsule(title=item["title"]), CREATED
    media = item["media"]
    if not same_content(capsule.file, media):
        with open(media.path, "rb") as handle:
            capsule.file.save(f"{item['slug']}{media.path.suffix}", File(handle), save=False)
        capsule.duration_seconds = media.duration_seconds
        action = action if action == CREATED else UPDATED
    if capsule.transcript != item["transcript"]:
        capsule.transcript = item["transcript"]
        action = action if action == CREATED else UPDATED
    if action != UNCHANGED:
        capsule.status = MediaStatus.READY
        capsule.save()
    if set_children(capsule, "chapters", AudioChapter, item["chapters"], ("start", "title")):
        action = action if action == CREATED else UPDATED
    changes.add(action, NAME, item["slug"])
    return capsule


def export(out):
    """Write every capsule that a published page uses."""
    taken = set()
    for capsule in out.capsules():
        slug = unique_slug(_slug(capsule), taken)
        out.audio_slugs[capsule.pk] = slug
        meta = {
            "slug": slug,
            "title": capsule.title,
            "file": out.media(capsule.file, f"{slug}{_suffix(capsule.file.name)}"),
            "chapters": [{"start": c.start, "title": c.title} for c in capsule.chapters.all()],
        }
        out.write_markdown(f"{FOLDER}/{slug}.md", meta, capsule.transcript)


def _slug(capsule):
    """Return the slug the capsule was imported with (its file name), else one from its title."""
    stem = Path(capsule.file.name).stem if capsule.file else ""
    stem = STORAGE_SUFFIX.sub("", stem)
    return slugify(stem)[:60] or slugify(capsule.title)[:60]


def _suffix(name):
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""
