"""Reading a pack safely: paths stay inside the pack, sizes are bounded before reading,
YAML has no anchors or aliases, and every value remembers the line it came from."""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from django.conf import settings
from django.utils.translation import gettext as _

# YAML 1.1 reads 1:05 as 65 and "no" as False: a pack only knows decimal numbers,
# true/false, null and ISO dates, so chapter times and French words stay text.
IMPLICIT = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
        "-+.0123456789",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
]


class PackError(Exception):
    """One problem of a pack, with the file and the line when known."""

    def __init__(self, message, path=None, line=None):
        super().__init__(message)
        self.message, self.path, self.line = message, path, line

    def __str__(self):
        where = str(self.path or "")
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


class LineDict(dict):
    """A YAML mapping that knows its line and the line of each key."""

    line = None
    lines = None

    def line_of(self, key):
        return (self.lines or {}).get(key, self.line)


class LineList(list):
    line = None


class PackLoader(yaml.SafeLoader):
    """SafeLoader without anchors and aliases (no billion laughs) and with a small type set."""

    yaml_implicit_resolvers = {}

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem=_("anchors and aliases (& and *) are not accepted in a pack"),
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


for _tag, _regexp, _first in IMPLICIT:
    PackLoader.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


def _construct_map(loader, node):
    data = LineDict()
    data.line = node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node, deep=True))
    data.lines = {loader.construct_object(k): k.start_mark.line + 1 for k, _ in node.value}


def _construct_seq(loader, node):
    data = LineList()
    data.line = node.start_mark.line + 1
    yield data
    data.extend(loader.construct_sequence(node, deep=True))


PackLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
PackLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_yaml(text, path, first_line=1):
    """Parse YAML text of a pack file; raise PackError with the line of the problem."""
    try:
        # PackLoader is a SafeLoader subclass (no Python objects) that also refuses aliases.
        data = yaml.load(text, Loader=PackLoader)  # noqa: S506  # nosec B506
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        raise PackError(
            _("invalid YAML: %(problem)s") % {"problem": exc.problem}, path, line
        ) from exc
    except (yaml.YAMLError, RecursionError) as exc:
        raise PackError(_("invalid YAML: %(problem)s") % {"problem": exc}, path) from exc
    if data is None:
        data = LineDict()
        data.line = first_line
    if not isinstance(data, LineDict):
        raise PackError(_("the YAML must be a mapping of keys to values"), path, first_line)
    _shift_lines(data, first_line - 1)
    return data


def _shift_lines(value, offset):
    if isinstance(value, LineDict):
        value.line += offset
        value.lines = {k: n + offset for k, n in value.lines.items()}
        for item in value.values():
            _shift_lines(item, offset)
    elif isinstance(value, LineList):
        value.line += offset
        for item in value:
            _shift_lines(item, offset)


@dataclass
class Document:
    """A Markdown file of a pack: its front matter and its body, with line numbers."""

    path: str
    meta: LineDict
    body: str
    body_line: int = 1
    extra: dict = field(default_factory=dict)


class PackFolder:
    """The pack on disk: every path is resolved and must stay inside the pack folder."""

    def __init__(self, root):
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise PackError(_("this folder does not exist"), str(root))

    def relative(self, path):
        return Path(path).relative_to(self.root).as_posix()

    def resolve(self, name, referrer, line=None):
        """Return the real path of a file the pack names, refusing anything outside it."""
        if not isinstance(name, str) or not name.strip():
            raise PackError(_("a file path is expected here"), referrer, line)
        if Path(name).is_absolute() or "\\" in name:
            raise PackError(
                _("%(name)s: absolute paths are not accepted, give a path inside the pack")
                % {"name": name},
                referrer,
                line,
            )
        candidate = self.root / name
        # A symbolic link could point anywhere: a pack holds real files only.
        for part in [candidate, *candidate.parents]:
            if part == self.root:
                break
            if part.is_symlink():
                raise PackError(
                    _("%(name)s: symbolic links are not accepted in a pack") % {"name": name},
                    referrer,
                    line,
                )
        real = candidate.resolve()
        if not real.is_relative_to(self.root):
            raise PackError(
                _("%(name)s: this path leaves the pack folder") % {"name": name}, referrer, line
            )
        if not real.is_file():
            raise PackError(
                _("%(name)s: file not found in the pack") % {"name": name}, referrer, line
            )
        return real

    def files(self, folder, suffix):
        """Return the pack's files of a folder with this suffix, sorted, symlinks refused."""
        directory = self.root / folder
        if not directory.is_dir():
            return []
        found = []
        for path in sorted(directory.iterdir()):
            if path.name.endswith(suffix):
                found.append(self.resolve(self.relative(path), folder))
        return found

    def read_text(self, path):
        """Return the text of a YAML or Markdown file, bounded in size before it is read."""
        name = self.relative(path)
        limit = settings.RELAIS_PACK_TEXT_MAX_BYTES
        if path.stat().st_size > limit:
            raise PackError(
                _("this text file is larger than %(max)d kB") % {"max": limit // 1024}, name
            )
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise PackError(_("this file is not UTF-8 text"), name) from exc

    def read_yaml(self, path):
        return load_yaml(self.read_text(path), self.relative(path))

    def read_markdown(self, path):
        """Split a Markdown file into its YAML front matter and its body."""
        name = self.relative(path)
        text = self.read_text(path)
        lines = text.split("\n")
        if not lines or lines[0].strip() != "---":
            raise PackError(_("the file must start with a front matter between --- lines"), name, 1)
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        except StopIteration:
            raise PackError(_("the front matter is not closed by a --- line"), name, 1) from None
        meta = load_yaml("\n".join(lines[1:end]), name, first_line=2)
        return Document(name, meta, "\n".join(lines[end + 1 :]).rstrip() + "\n", end + 2)
