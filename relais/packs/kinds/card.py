"""cards/*.md: a knowledge card ("savoir"); the Markdown body is its plain text.

Every card quotes, word for word, the stories of the pack that say it. Sources taken from
testimony answers are personal data: a pack never holds them, an import never touches them
and an export leaves out a card that only they support. card-types.yaml (optional) adds
card types or renames them.
"""

import html
import re

from django.db.models import Prefetch
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from relais.journey.models import Ambassador, Stage, Territory, Theme
from relais.knowledge.models import (
    CARD_BODY_MAX_LENGTH,
    QUOTE_MAX_LENGTH,
    CardSource,
    CardType,
    KnowledgeCard,
)
from relais.knowledge.services import refresh_citations, story_ambassador
from relais.stories.models import StoryPage

from ..files import PackError
from ..pack import check_lengths, fields, slug_list
from ..writes import CREATED, UNCHANGED, UPDATED, upsert
from .common import read_documents

NAME = "card"
FOLDER = "cards"
TYPES = "card-type"
TYPES_FILE = "card-types.yaml"
SPEC = {
    "slug": (str, True),
    "type": (str, True),
    "title": (str, True),
    "stages": (list, True),
    "themes": (list, False),
    "territory": (str, False),
    "sources": (list, True),
}
SOURCE = {"story": (str, True), "quote": (str, True), "ambassador": (str, False)}
TYPE = {
    "slug": (str, True),
    "name": (str, True),
    "plural_name": (str, False),
    "description": (str, False),
}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
SPACES = re.compile(r"\s+")


def read(pack):
    pack.items[TYPES] = _read_types(pack)
    pack.items[NAME] = read_documents(pack, FOLDER, SPEC, lambda d, v: _parse(pack, d, v))


def _read_types(pack):
    if not (pack.folder.root / TYPES_FILE).is_file():
        return []
    meta = pack.guard(pack.folder.read_yaml, pack.folder.resolve(TYPES_FILE, TYPES_FILE))
    top = meta is not None and pack.guard(fields, meta, TYPES_FILE, {"types": (list, True)})
    if not top:
        return []
    types = []
    for entry in top["types"]:
        data = pack.guard(_type, entry, top["types"].line)
        if data is not None:
            pack.claim_slug(TYPES, data["slug"], TYPES_FILE, entry.line)
            types.append(data)
    return types


def _type(entry, line):
    data = fields(entry, TYPES_FILE, TYPE, line)
    names = {key: key for key in TYPE}
    check_lengths(data, entry, TYPES_FILE, CardType, names)
    return data


def _parse(pack, document, values):
    """Read a card; record each of its problems, so that one run reports them all."""
    meta, path = document.meta, document.path
    check_lengths(values, meta, path, KnowledgeCard, {"title": "title", "slug": "slug"})
    values["stages"] = slug_list(meta, "stages", path)
    if not values["stages"]:
        pack.error(
            PackError(_("a card belongs to one stage at least"), path, meta.line_of("stages"))
        )
    values["themes"] = slug_list(meta, "themes", path)
    values["body"] = pack.guard(_body, document) or ""
    sources = [
        pack.guard(_source, path, entry, values["sources"].line) for entry in values["sources"]
    ]
    values["sources"] = [source for source in sources if source is not None]
    if not sources:
        message = _("sources is empty: quote at least one story that says what the card says")
        pack.error(PackError(message, path, meta.line_of("sources")))
    values["path"], values["meta"] = path, meta
    return values


def _body(document):
    body = document.body.strip()
    if not body:
        raise PackError(
            _("the card's text is missing below the front matter"),
            document.path,
            document.body_line,
        )
    if len(body) > CARD_BODY_MAX_LENGTH:
        message = _("the card's text is too long: %(length)d characters, %(max)d at most") % {
            "length": len(body),
            "max": CARD_BODY_MAX_LENGTH,
        }
        raise PackError(message, document.path, document.body_line)
    return body


def _source(path, entry, line):
    data = fields(entry, path, SOURCE, line)
    if len(data["quote"]) > QUOTE_MAX_LENGTH:
        message = _("the quote is too long: %(max)d characters at most") % {"max": QUOTE_MAX_LENGTH}
        raise PackError(message, path, entry.line_of("quote"))
    data["line"] = entry.line
    return data


def normalise(text):
    """Return text as compared with a quote: plain, spaces collapsed, apostrophes alike."""
    return SPACES.sub(" ", html.unescape(strip_tags(text)).translate(APOSTROPHES)).strip()


def story_passages(pack):
    """Return each story's texts a card may quote, normalised: intro, text, quotes, tips…"""
    transcripts = {item["slug"]: item["transcript"] for item in pack.items.get("audio", [])}
    passages = {}
    for story in pack.items.get("story", []):
        texts = [story["title"], story["intro"]]
        for kind, values in story["body"]:
            texts += _block_texts(kind, values, transcripts)
        passages[story["slug"]] = [normalise(text) for text in texts if text]
    return passages


def _block_texts(kind, values, transcripts):
    if kind == "text":
        return [values]
    if kind == "quote":
        return [values["text"]]
    if kind == "tip":
        return [values["title"], values["text"]]
    if kind == "image":
        return [values.get("caption", "")]
    if kind == "audio":
        return [transcripts.get(values["audio"], "")]
    if kind == "key_figures":
        return [values.get("title", "")] + [f"{f['value']} {f['label']}" for f in values["figures"]]
    if kind == "timeline":
        return [values.get("title", "")] + [step["text"] for step in values["steps"]]
    return []


def check(pack):
    known = set(CardType.objects.values_list("slug", flat=True)) | set(pack.slugs.get(TYPES, {}))
    passages = story_passages(pack)
    for item in pack.items[NAME]:
        path, meta = item["path"], item["meta"]
        if item["type"] not in known:
            message = _("unknown card type: %(slug)s (known types: %(known)s)") % {
                "slug": item["type"],
                "known": ", ".join(sorted(known)),
            }
            pack.error(PackError(message, path, meta.line_of("type")))
        for slug in item["stages"]:
            pack.reference("stage", slug, path, meta.line_of("stages"))
        for slug in item["themes"]:
            pack.reference("theme", slug, path, meta.line_of("themes"))
        if "territory" in item:
            pack.reference("territory", item["territory"], path, meta.line_of("territory"))
        for source in item["sources"]:
            _check_source(pack, path, source, passages)


def _check_source(pack, path, source, passages):
    line = source["line"]
    if "ambassador" in source:
        pack.reference("ambassadors", source["ambassador"], path, line)
    if not pack.reference("stories", source["story"], path, line):
        return
    texts = passages.get(source["story"])  # None: the story has problems of its own
    quote = normalise(source["quote"])
    if texts is not None and not any(quote in text for text in texts):
        message = _(
            "this quote is not in the story %(story)s: copy its words exactly (text, quote, "
            "tip, caption, timeline or transcript)"
        ) % {"story": source["story"]}
        pack.error(PackError(message, path, line))


def load(pack, changes, context):
    """Create or update cards by slug; their story sources follow the pack."""
    _load_types(pack, changes)
    items = pack.items[NAME]
    if not items:
        return
    types = {t.slug: t for t in CardType.objects.all()}
    stages = {s.slug: s for s in Stage.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    territories = {t.slug: t for t in Territory.objects.all()}
    ambassadors = {a.slug: a for a in Ambassador.objects.all()}
    wanted = {s["story"] for item in items for s in item["sources"]}
    stories = {
        s.slug: s for s in StoryPage.objects.child_of(context["index"]).filter(slug__in=wanted)
    }
    existing = {
        c.slug: c for c in KnowledgeCard.objects.filter(slug__in=[i["slug"] for i in items])
    }
    voices = {}  # the ambassador a story's source defaults to, looked up once per story
    for item in items:
        values = {
            "title": item["title"],
            "card_type": types[item["type"]],
            "body": item["body"],
            "territory": territories.get(item.get("territory")),
            "live": True,
            "is_example": pack.example,
        }
        relations = {
            "stages": [stages[slug] for slug in item["stages"]],
            "themes": [themes[slug] for slug in item["themes"]],
        }
        sources = []
        for source in item["sources"]:
            story = stories[source["story"]]
            if story.pk not in voices:
                voices[story.pk] = story_ambassador(story)
            voice = ambassadors[source["ambassador"]] if "ambassador" in source else None
            sources.append((story, source["quote"].strip(), voice or voices[story.pk]))
        card = existing.get(item["slug"])
        if card is None:
            # A new card is saved with the counts its sources will give it, so that
            # refresh_citations finds nothing to change (a save also updates the search index).
            said_by = [voice.pk if voice else None for _story, _quote, voice in sources]
            values["cited_by"] = len(set(said_by) - {None}) + (None in said_by)
            values["source_count"] = len(said_by)
        card, action = _save_card(card, item["slug"], values, relations)
        if _set_sources(card, sources) and action == UNCHANGED:
            action = UPDATED
        changes.add(action, NAME, item["slug"])


def _save_card(card, slug, values, relations):
    """Create or update a card, saved once (each save also updates the search index)."""
    if card is None:
        card = KnowledgeCard(slug=slug, **values, **relations)
        card.save()
        return card, CREATED
    differs = False
    for name, value in values.items():
        attname = KnowledgeCard._meta.get_field(name).attname
        if getattr(card, attname) != (value.pk if hasattr(value, "_meta") else value):
            setattr(card, name, value)
            differs = True
    for name, targets in relations.items():
        manager = getattr(card, name)
        if set(manager.values_list("pk", flat=True)) != {t.pk for t in targets}:
            manager.set(targets)  # a parental relation: written by the save below
            differs = True
    if not differs:
        return card, UNCHANGED
    card.save()
    return card, UPDATED


def _load_types(pack, changes):
    """Create or rename the listed types, shown in the file's order before the others."""
    listed = pack.items[TYPES]
    if not listed:
        return
    for order, data in enumerate(listed):
        values = {
            "name": data["name"],
            "plural_name": data.get("plural_name") or data["name"],
            "description": data.get("description", ""),
            "sort_order": order,
        }
        upsert(CardType, {"slug": data["slug"]}, values, changes, "card type")
    others = CardType.objects.exclude(slug__in=[data["slug"] for data in listed])
    for order, card_type in enumerate(others.order_by("sort_order", "name"), start=len(listed)):
        if card_type.sort_order != order:
            card_type.sort_order = order
            card_type.save(update_fields=["sort_order"])


def _set_sources(card, sources):
    """Replace the card's story sources when they differ; testimony sources stay as they are."""
    from_stories = CardSource.objects.filter(card=card, story__isnull=False).order_by("pk")
    current = list(from_stories.values_list("story_id", "quote", "ambassador_id"))
    if current == [
        (story.pk, quote, voice.pk if voice else None) for story, quote, voice in sources
    ]:
        return False
    for source in from_stories:
        source.delete()
    # In bulk, then counted once: the import stamps the page cache once, at its end.
    CardSource.objects.bulk_create(
        CardSource(card=card, story=story, quote=quote, ambassador=voice)
        for story, quote, voice in sources
    )
    refresh_citations(card.pk)
    return True


def export(out):
    """Write the published cards with their sources from published stories."""
    stories = {story.pk: story for story in out.stories()}
    shown = set(out.ambassadors().values_list("pk", flat=True))
    voices = {}
    cards = (
        KnowledgeCard.objects.filter(live=True)
        .select_related("card_type", "territory")
        .prefetch_related(
            "themes",
            Prefetch("stages", queryset=Stage.objects.order_by("sort_order", "pk")),
            Prefetch("sources", queryset=CardSource.objects.order_by("pk")),
        )
        .order_by("slug")
    )
    written, left_out = 0, 0
    for card in cards:
        sources = []
        for source in card.sources.all():
            story = stories.get(source.story_id)
            if story is None:
                continue  # a testimony answer (personal data) or an unpublished story
            if story.pk not in voices:
                voices[story.pk] = story_ambassador(story)
            entry = {"story": story.slug, "quote": source.quote}
            default = voices[story.pk]
            if source.ambassador_id in shown and source.ambassador_id != (
                default.pk if default else None
            ):
                entry["ambassador"] = source.ambassador.slug
            sources.append(entry)
        if not sources:
            left_out += 1
            continue
        meta = {
            "slug": card.slug,
            "type": card.card_type.slug,
            "title": card.title,
            "stages": [stage.slug for stage in card.stages.all()],
            "themes": sorted(theme.slug for theme in card.themes.all()),
            "territory": card.territory.slug if card.territory else "",
            "sources": sources,
        }
        out.write_markdown(f"{FOLDER}/{card.slug}.md", meta, card.body)
        written += 1
    if written:
        _export_types(out)
    if left_out:
        out.notes.append(
            ngettext(
                "%(count)d published card was not exported: it quotes only testimonies "
                "(personal data) or unpublished stories.",
                "%(count)d published cards were not exported: they quote only testimonies "
                "(personal data) or unpublished stories.",
                left_out,
            )
            % {"count": left_out}
        )


def _export_types(out):
    types = [
        {
            "slug": t.slug,
            "name": t.name,
            "plural_name": t.plural_name,
            "description": t.description,
        }
        for t in CardType.objects.order_by("sort_order", "name")
    ]
    out.write_yaml(TYPES_FILE, {"types": [{k: v for k, v in t.items() if v} for t in types]})
