"""Page bodies of a pack: Markdown text between {{ name }} lines, each naming a block of the
front matter (image, audio, quote, tip, key figures, timeline, site contact details)."""

import re

from django.utils.translation import gettext as _

from relais.stories.choices import TipKind

from ..files import LineDict, PackError
from ..markdown import to_html
from ..pack import fields

MARKER = re.compile(r"^\{\{\s*([\w-]+)\s*\}\}\s*$")
SPECS = {
    "image": {
        "file": (str, True),
        "alt": (str, False),
        "caption": (str, False),
        "credit": (str, False),
    },
    "audio": {"audio": (str, True)},
    "quote": {"text": (str, True), "author": (str, False), "role": (str, False)},
    "tip": {"kind": (str, True), "title": (str, True), "text": (str, True)},
    "key_figures": {"title": (str, False), "figures": (list, True)},
    "timeline": {"title": (str, False), "steps": (list, True)},
    "site_contact": {"details": (str, True)},
}
SITE_CONTACT_DETAILS = ("legal", "accessibility", "privacy")


def read_body(pack, document, blocks, allowed):
    """Return the body as a list of ("text", html) and (type, values) parts, in order."""
    blocks = blocks if blocks is not None else LineDict()
    if not isinstance(blocks, dict):
        raise PackError(
            _("blocks must be a mapping of names to blocks"),
            document.path,
            document.meta.line_of("blocks"),
        )
    parts, text, start, used = [], [], 0, set()
    lines = document.body.split("\n")
    for number, line in enumerate(lines + ["{{ __end__ }}"]):
        found = MARKER.match(line)
        if not found:
            text.append(line)
            continue
        if "".join(text).strip():
            parts.append(
                ("text", to_html("\n".join(text), document.path, document.body_line + start))
            )
        text, start = [], number + 1
        name = found.group(1)
        if name == "__end__":
            break
        if name not in blocks:
            raise PackError(
                _("{{ %(name)s }} names no block of the front matter") % {"name": name},
                document.path,
                document.body_line + number,
            )
        used.add(name)
        parts.append(_block(pack, document, name, blocks[name], allowed))
    for name in blocks:
        if name not in used:
            raise PackError(
                _("block %(name)s is never placed: add a {{ %(name)s }} line to the text")
                % {"name": name},
                document.path,
                blocks.line_of(name),
            )
    return parts


def _block(pack, document, name, meta, allowed):
    path = document.path
    if not isinstance(meta, LineDict) or meta.get("type") not in allowed:
        message = _("block %(name)s: type must be one of %(types)s") % {
            "name": name,
            "types": ", ".join(allowed),
        }
        raise PackError(message, path, getattr(meta, "line", None) or document.meta.line)
    kind = meta["type"]
    values = fields(meta, path, {"type": (str, True), **SPECS[kind]})
    line = meta.line
    if kind == "image":
        if not values.get("alt"):
            raise PackError(
                _("block %(name)s: the alternative text (alt) is missing") % {"name": name},
                path,
                line,
            )
        values["media"] = pack.media.image(values["file"], path, meta.line_of("file"))
    elif kind == "tip" and values["kind"] not in TipKind.values:
        raise PackError(
            _("block %(name)s: a tip's kind is one of %(kinds)s")
            % {"name": name, "kinds": ", ".join(TipKind.values)},
            path,
            meta.line_of("kind"),
        )
    elif kind == "key_figures":
        values["figures"] = [
            fields(f, path, {"value": (str, True), "label": (str, True)}, line)
            for f in values["figures"]
        ]
    elif kind == "timeline":
        values["steps"] = [
            fields(s, path, {"stage": (str, True), "when": (str, False), "text": (str, True)}, line)
            for s in values["steps"]
        ]
    elif kind == "site_contact" and values["details"] not in SITE_CONTACT_DETAILS:
        raise PackError(
            _("block %(name)s: details is one of %(kinds)s")
            % {"name": name, "kinds": ", ".join(SITE_CONTACT_DETAILS)},
            path,
            line,
        )
    values["line"] = line
    return (kind, values)


def check_body(pack, path, parts):
    for kind, values in parts:
        if kind == "audio":
            pack.reference("audio", values["audio"], path, values["line"])
        elif kind == "timeline":
            for step in values["steps"]:
                pack.reference("stage", step["stage"], path, values["line"])


def raw_body(parts, context, image_title):
    """Turn the parts of a body into StreamField raw data."""
    raw = []
    for kind, values in parts:
        if kind == "text":
            raw.append({"type": "text", "value": values})
            continue
        value = {k: v for k, v in values.items() if k not in ("type", "line", "media")}
        if kind == "image":
            image = context["image"](values["media"], image_title)
            value = {
                "image": image.pk,
                "alt_text": values["alt"],
                "caption": values.get("caption", ""),
                "credit": values.get("credit", ""),
            }
        elif kind == "audio":
            value = {"capsule": context["audio"][values["audio"]].pk}
        elif kind == "quote":
            value = {
                "text": values["text"],
                "author": values.get("author", ""),
                "role": values.get("role", ""),
            }
        elif kind == "key_figures":
            value = {
                "title": values.get("title", ""),
                "figures": [{"value": f["value"], "label": f["label"]} for f in values["figures"]],
            }
        elif kind == "timeline":
            value = {
                "title": values.get("title", ""),
                "steps": [
                    {
                        "stage": context["stages"][s["stage"]].pk,
                        "when": s.get("when", ""),
                        "text": s["text"],
                    }
                    for s in values["steps"]
                ],
            }
        elif kind == "site_contact":
            value = {"kind": values["details"]}
        raw.append({"type": kind, "value": value})
    return raw


def export_body(out, stream):
    """Return (blocks, markdown) for a StreamField value, blocks named by type and rank."""
    blocks, chunks, counts = {}, [], {}
    for child in stream:
        kind, value = child.block_type, child.value
        if kind == "text":
            chunks.append(out.markdown(value.source).strip())
            continue
        counts[kind] = counts.get(kind, 0) + 1
        name = f"{kind.replace('_', '-')}-{counts[kind]}"
        blocks[name] = _export_block(out, kind, value)
        chunks.append("{{ " + name + " }}")
    return blocks, "\n\n".join(c for c in chunks if c) + "\n"


def _export_block(out, kind, value):
    if kind == "image":
        image = value["image"]
        data = {
            "file": out.media(image.file, image.file.name) if image else "",
            "alt": value["alt_text"],
            "caption": value["caption"],
            "credit": value["credit"],
        }
    elif kind == "audio":
        data = {"audio": out.audio_slug(value["capsule"])}
    elif kind == "key_figures":
        data = {
            "title": value["title"],
            "figures": [{"value": f["value"], "label": f["label"]} for f in value["figures"]],
        }
    elif kind == "timeline":
        data = {
            "title": value["title"],
            "steps": [
                {
                    k: v
                    for k, v in (
                        ("stage", s["stage"].slug if s["stage"] else ""),
                        ("when", s["when"]),
                        ("text", s["text"]),
                    )
                    if v
                }
                for s in value["steps"]
            ],
        }
    elif kind == "site_contact":
        data = {"details": value["kind"]}
    else:
        data = {k: value[k] for k in SPECS[kind]}
    return {"type": kind, **{k: v for k, v in data.items() if v not in ("", None, [])}}
