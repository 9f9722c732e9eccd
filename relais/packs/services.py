"""Check, import and export a content pack."""

import shutil
from pathlib import Path

import yaml

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from relais.core.invalidation import bulk_write
from relais.core.models import StandardPage
from relais.journey.models import Ambassador, LaureateProject
from relais.knowledge.models import KnowledgeCard
from relais.media.storage import atomic_with_files
from relais.stories.audio import AudioCapsule
from relais.stories.models import HomePage, StoryPage

from .files import PackError
from .kinds import KINDS
from .kinds.audio import STORAGE_SUFFIX
from .markdown import to_markdown
from .media import sha1_of, stored_image
from .pack import Pack
from .signals import pack_imported
from .writes import Changes


class PackInvalid(Exception):
    """A pack with problems: nothing was imported."""

    def __init__(self, errors):
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


class _DryRun(Exception):
    pass


def check_pack(root):
    """Read and check a whole pack (media included); return it, or raise PackInvalid."""
    try:
        pack = Pack(root)
    except PackError as exc:
        raise PackInvalid([exc]) from exc
    for kind in KINDS:
        kind.read(pack)
    # References are checked even after other problems, so that one run reports them all.
    for kind in KINDS:
        kind.check(pack)
    pack.errors += pack.media.check_all()
    if pack.errors:
        raise PackInvalid(pack.errors)
    return pack


def import_pack(root, dry_run=False):
    """Import a valid pack in one transaction; return its Changes (a dry run rolls back)."""
    pack = check_pack(root)
    changes = Changes()
    images = {}

    def image(media, title):
        """Return the site image of a pack file (one per content, looked up once)."""
        if media.sha1 not in images:
            images[media.sha1] = stored_image(media, title)[0]
        return images[media.sha1]

    context = {"image": image}
    try:
        with atomic_with_files(), bulk_write():
            for kind in KINDS:
                kind.load(pack, changes, context)
            if dry_run:
                raise _DryRun
            pack_imported.send(sender=Pack, changes=changes)
    except _DryRun:
        pass
    except PackError as exc:  # the site's own validation refused an item: nothing stays
        raise PackInvalid([exc]) from exc
    return changes


class ExportFolder:
    """Where an export writes: YAML, Markdown and the media files they name."""

    def __init__(self, root):
        self.root = Path(root)
        if self.root.exists() and any(self.root.iterdir()):
            raise PackError(_("the export folder must be empty"), str(root))
        self.root.mkdir(parents=True, exist_ok=True)
        self.audio_slugs = {}
        self.written_media = {}
        self.notes = []  # what the export left out on purpose, for its summary
        self.example = self._all_examples()

    def _all_examples(self):
        cards = KnowledgeCard.objects.filter(live=True)
        groups = [self.stories(), self.projects(), Ambassador.objects.all(), cards]
        flags = [item.is_example for group in groups for item in group]
        return bool(flags) and all(flags)

    def stories(self):
        return StoryPage.objects.live().order_by("slug").select_related("project", "listing_image")

    def standard_pages(self):
        home = HomePage.objects.first()
        if home is None:
            return []
        return StandardPage.objects.live().child_of(home).order_by("path")

    def projects(self):
        return LaureateProject.objects.order_by("slug").select_related("commune")

    def ambassadors(self):
        linked = StoryPage.objects.live().values_list("ambassadors", flat=True)
        shown = Q(public_profile=True) | Q(pk__in=linked)
        return Ambassador.objects.filter(shown).distinct().order_by("slug")

    def capsules(self):
        """Return the capsules that published pages play, in a stable order."""
        used = set()
        for story in self.stories():
            used |= {
                b.value["capsule"].pk
                for b in story.body
                if b.block_type == "audio" and b.value["capsule"]
            }
        home = HomePage.objects.first()
        if home and home.featured_audio_id:
            used.add(home.featured_audio_id)
        return AudioCapsule.objects.filter(pk__in=used).order_by("title", "pk")

    def audio_slug(self, capsule):
        return self.audio_slugs.get(capsule.pk) if capsule else None

    def markdown(self, html):
        return to_markdown(html, self._link) if html else ""

    def _link(self, attrs):
        if attrs.get("linktype") == "page":
            page = Page.objects.filter(pk=attrs.get("id")).first()
            return page.url if page else ""
        return attrs.get("href", "")

    def media(self, fieldfile, name):
        """Copy a stored file into media/, once; return its path inside the pack."""
        path = Path(name)
        # A name the storage made unique (name_AbC1234.png) goes back to the pack's name.
        base = STORAGE_SUFFIX.sub("", path.stem) + path.suffix
        target = self.root / "media" / base
        key = (fieldfile.storage.__class__, fieldfile.name)
        if key in self.written_media:
            return self.written_media[key]
        target.parent.mkdir(exist_ok=True)
        stem, number = target.stem, 1
        while target.exists():
            number += 1
            target = target.with_name(f"{stem}-{number}{target.suffix}")
        with fieldfile.open("rb") as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
        relative = target.relative_to(self.root).as_posix()
        for other in self.written_media.values():
            if sha1_of(self.root / other) == sha1_of(target):
                target.unlink()
                relative = other
                break
        self.written_media[key] = relative
        return relative

    def write_yaml(self, name, data):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_yaml(data), encoding="utf-8")

    def write_markdown(self, name, meta, body):
        meta = {k: v for k, v in meta.items() if v not in ("", None, [], {})}
        text = "---\n" + dump_yaml(meta) + "---\n" + (body.strip() + "\n" if body.strip() else "")
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data):
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000)


@transaction.atomic
def export_pack(root):
    """Write every published item as a pack in root (which must be empty or new)."""
    out = ExportFolder(root)
    for kind in KINDS:
        kind.export(out)
    return out
