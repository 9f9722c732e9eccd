"""Which cache tags a write touches, and the stamping that makes the pages showing them stale.

Each app registers a rule for the models its pages show: given the stored object before the
write (None when created) and after it (None when deleted), the rule returns the tags to
stamp; for a many-to-many relation added or removed, `relations(obj, model, pks)` returns
them (by default, the related objects' own tags). A model without a rule touches SITE:
every page (relais.core.signals).
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from wagtail.models import Page

from .models import CacheTag, ContentGeneration
from .page_cache import ANY, SITE, tag_for

# What Wagtail saves when an editor saves a draft or locks a page: nothing public changes.
PAGE_DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
}


def related_objects(obj, model, pks):
    """Both ends of a relation show it: the related objects' pages change too."""
    return [tag_for(model, pk) for pk in pks]


class Rule(NamedTuple):
    tags: Callable  # (before, after) -> iterable of tags
    quiet_fields: frozenset = frozenset()  # a save of these fields only shows on no page
    relations: Callable = related_objects  # (obj, related model, related pks) -> tags


RULES = {}
# Set while a bulk write (a content pack import) runs: the writes stamp nothing one by one,
# the whole site is stamped once at the end.
_bulk = ContextVar("relais_bulk_write", default=False)


def register(model, tags, quiet_fields=(), relations=related_objects):
    """Say which tags a write to `model` (or a subclass without its own rule) touches."""
    RULES[model] = Rule(tags, frozenset(quiet_fields), relations)


def rule_for(model):
    """Return the rule of a model: its own, its nearest parent's, or `everything`."""
    return next((RULES[klass] for klass in model.__mro__ if klass in RULES), DEFAULT_RULE)


def invalidate(tags):
    """Stamp the tags with a new generation: cached pages that show them are stale.

    Runs in the writer's transaction, so the stamps become visible with the change itself.
    """
    generation = ContentGeneration.bump()
    stamps = [CacheTag(name=tag, generation=generation) for tag in sorted({*tags, ANY})]
    CacheTag.objects.bulk_create(
        stamps, update_conflicts=True, unique_fields=["name"], update_fields=["generation"]
    )


def in_bulk_write():
    """Whether the current writes are part of a bulk write stamped once at its end."""
    return _bulk.get()


@contextmanager
def bulk_write():
    """Write many objects, then make every cached page stale once (in the same transaction)."""
    token = _bulk.set(True)
    try:
        yield
    finally:
        _bulk.reset(token)
    invalidate([SITE])


def everything(before, after):
    """The rule of what every page may show: menus, settings, the programme."""
    return [SITE]


def once_shown(before, after):
    """The rule of files pages show: a new one is on no page yet, a change may be anywhere."""
    return [] if before is None else [SITE]


DEFAULT_RULE = Rule(everything)
register(Page, everything, quiet_fields=PAGE_DRAFT_FIELDS)
