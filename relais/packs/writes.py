"""Writing what a pack describes, changing only what differs (so a re-import changes nothing)."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from .files import PackError

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class Changes:
    """What an import did (or, in a dry run, would do), item by item."""

    rows: list = field(default_factory=list)

    def add(self, action, kind, slug):
        self.rows.append((action, kind, slug))
        return action

    def count(self, action):
        return sum(1 for row in self.rows if row[0] == action)

    def changed(self):
        return [row for row in self.rows if row[0] != UNCHANGED]


def upsert(model, lookup, values, changes, kind):
    """Create or update a row found by lookup; save only when a value differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        return obj, changes.add(CREATED, kind, _label(lookup))
    differs = [name for name, value in values.items() if _value(obj, name) != _key(value)]
    for name in differs:
        setattr(obj, name, values[name])
    if differs:
        obj.save()
    return obj, changes.add(UPDATED if differs else UNCHANGED, kind, _label(lookup))


def _label(lookup):
    return next(iter(lookup.values())) if len(lookup) == 1 else str(lookup)


def _value(obj, name):
    field_ = obj._meta.get_field(name)
    if field_.is_relation:
        return getattr(obj, field_.attname)
    return getattr(obj, name)


def _key(value):
    return value.pk if hasattr(value, "_meta") else value


def set_many(obj, name, targets):
    """Set a many-to-many relation; return whether it changed."""
    manager = getattr(obj, name)
    wanted = {target.pk for target in targets}
    if set(manager.values_list("pk", flat=True)) == wanted:
        return False
    manager.set(targets)
    return True


def set_children(obj, name, model, rows, fields):
    """Replace the child rows of a cluster (chapters, editions, dates) when they differ."""
    current = [tuple(getattr(row, f) for f in fields) for row in getattr(obj, name).all()]
    if current == [tuple(r) for r in rows]:
        return False
    setattr(obj, name, [model(**dict(zip(fields, row, strict=True))) for row in rows])
    obj.save()
    return True


def stream_data(value):
    """Return StreamField content as plain data without block ids, to compare bodies."""
    raw = value.get_prep_value() if hasattr(value, "get_prep_value") else value
    return _strip_ids(raw)


def _strip_ids(data):
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    if isinstance(data, dict):
        return {k: _strip_ids(v) for k, v in data.items() if k != "id"}
    return data


def refused(slug, error):
    """Return the PackError of an item the site's own validation refuses."""
    problems = (
        "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
        if hasattr(error, "message_dict")
        else " ".join(error.messages)
    )
    return PackError(f"{slug}: {problems}")


def publish_page(parent, model, slug, fields, changes, kind, relations=None):
    """Create or update a child page by slug; a new revision only when something differs."""
    try:
        return _publish_page(parent, model, slug, fields, changes, kind, relations or {})
    except ValidationError as exc:
        raise refused(slug, exc) from exc


def _publish_page(parent, model, slug, fields, changes, kind, relations):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        for name, targets in relations.items():
            getattr(page, name).set(targets)
        page.save_revision().publish()
        return page, changes.add(CREATED, kind, slug)
    differs = _page_differs(page, fields, relations)
    if differs or not page.live or page.has_unpublished_changes:
        for name, value in fields.items():
            setattr(page, name, value)
        for name, targets in relations.items():
            getattr(page, name).set(targets)
        page.save_revision().publish()
        return page, changes.add(UPDATED, kind, slug)
    return page, changes.add(UNCHANGED, kind, slug)


def _normal(block, stream):
    """Return a stream's data with every child converted, so both sides compare alike."""
    for _child in stream:
        pass
    return _strip_ids(block.get_prep_value(stream))


def _page_differs(page, fields, relations):
    for name, value in fields.items():
        current = getattr(page, name)
        if hasattr(current, "stream_block"):
            block = current.stream_block
            if _normal(block, current) != _normal(block, block.to_python(value)):
                return True
        elif _key(current) != _key(value):
            return True
    for name, targets in relations.items():
        if {t.pk for t in getattr(page, name).all()} != {t.pk for t in targets}:
            return True
    return False
