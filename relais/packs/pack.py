"""A pack being read: its folder, the problems found so far, and what each kind read."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .files import LineDict, LineList, PackError, PackFolder
from .markdown import to_html
from .media import MediaChecker

TYPES = {
    str: gettext_lazy("a text"),
    int: gettext_lazy("a whole number"),
    bool: gettext_lazy("true or false"),
    list: gettext_lazy("a list"),
    dict: gettext_lazy("a mapping"),
    datetime.date: gettext_lazy("a date"),
}
# What a slug names, by the kind that claimed it, for "unknown …" messages.
UNKNOWN = {
    "stage": gettext_lazy("unknown stage: %(slug)s"),
    "theme": gettext_lazy("unknown theme: %(slug)s"),
    "territory": gettext_lazy("unknown territory: %(slug)s"),
    "audio": gettext_lazy("unknown audio capsule: %(slug)s"),
    "projects": gettext_lazy("unknown project: %(slug)s"),
    "ambassadors": gettext_lazy("unknown ambassador: %(slug)s"),
    "stories": gettext_lazy("unknown story: %(slug)s"),
}


class Pack:
    """Everything read from a pack folder before anything is written."""

    def __init__(self, root):
        self.folder = PackFolder(root)
        self.errors = []
        self.items = {}
        self.slugs = {}
        self.media = MediaChecker(self.folder)
        self.example = False

    def error(self, exc):
        self.errors.append(exc)

    def guard(self, function, *args):
        """Run function; record a PackError it raises instead of stopping the whole check."""
        try:
            return function(*args)
        except PackError as exc:
            self.error(exc)
            return None

    def claim_slug(self, kind, slug, path, line):
        """Record a slug of a kind; a slug used twice is an error naming both files."""
        taken = self.slugs.setdefault(kind, {})
        if slug in taken:
            message = _("duplicate slug %(slug)s: already used by %(other)s") % {
                "slug": slug,
                "other": taken[slug],
            }
            self.error(PackError(message, path, line))
        else:
            taken[slug] = path

    def reference(self, kind, slug, path, line):
        """Check that a slug names an item of the pack; record an error otherwise."""
        if slug not in self.slugs.get(kind, {}):
            message = UNKNOWN[kind] % {"slug": slug}
            self.error(PackError(message, path, line))
            return False
        return True


def fields(meta, path, spec, where=None):
    """Return the values of a mapping after checking keys and types against spec.

    spec maps each key to (type, required); an unknown key, a missing required key or a
    value of the wrong type raises PackError with its line.
    """
    if not isinstance(meta, LineDict):
        raise PackError(_("a mapping of keys to values is expected here"), path, where)
    for key in meta:
        if key not in spec:
            known = ", ".join(spec)
            message = _("unknown key %(key)s (known keys: %(known)s)") % {
                "key": key,
                "known": known,
            }
            raise PackError(message, path, meta.line_of(key))
    values = {}
    for key, (kind, required) in spec.items():
        value = meta.get(key)
        if value is None or value == "":
            if required:
                raise PackError(_("%(key)s is missing") % {"key": key}, path, meta.line)
            continue
        wanted = {list: LineList, dict: LineDict}.get(kind, kind)
        if kind is str and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, wanted) or (kind is int and isinstance(value, bool)):
            message = _("%(key)s must be %(type)s") % {"key": key, "type": TYPES[kind]}
            raise PackError(message, path, meta.line_of(key))
        values[key] = value.strip() if isinstance(value, str) else value
    return values


def slug_list(meta, key, path):
    """Return a list of slugs (a single slug is accepted as a one-item list)."""
    value = meta.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(
            _("%(key)s must be a list of slugs") % {"key": key}, path, meta.line_of(key)
        )
    return list(dict.fromkeys(value))  # a slug written twice counts once


def markdown_field(meta, key, path):
    """Render a Markdown value of the YAML (a stage description, for instance)."""
    value = meta.get(key) or ""
    if not value:
        return ""
    # A literal block starts on the line after its key.
    return to_html(value, path, (meta.line_of(key) or 0) + 1)


def check_lengths(values, meta, path, model, names):
    """Refuse a value longer than its model field allows (names: pack key → field name)."""
    for key, name in names.items():
        limit = model._meta.get_field(name).max_length
        if limit and len(values.get(key) or "") > limit:
            message = _("%(key)s is too long: %(max)d characters at most") % {
                "key": key,
                "max": limit,
            }
            raise PackError(message, path, meta.line_of(key))
