"""Values that depend only on content, computed once per content change.

The menu, the footer, the programme, the filter menus of the story listing and the like
change only when an editor changes content, yet every page needs them. They are kept in the
default cache under a key that names the content version (`ContentGeneration`, bumped on
every content write), so that a change shows at once in every process: the next request
reads the new version and computes the value again. The version itself is read from the
database once per request.
"""

from contextvars import ContextVar

from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

# Old versions are never read again; they only need to leave the cache some day.
TIMEOUT_SECONDS = 24 * 3600
MISSING = object()

# {"version": int | None} while a request is served; None outside requests (commands, tasks,
# tests calling code directly), where the version is read afresh every time.
_request_memo = ContextVar("relais_content_version", default=None)


def content_version():
    """Return the current content version, read from the database once per request."""
    from .models import ContentGeneration  # models import this module (page mixins)

    memo = _request_memo.get()
    if memo is None:
        return ContentGeneration.current()
    if memo["version"] is None:
        memo["version"] = ContentGeneration.current()
    return memo["version"]


def cached_for_content(name, build, *, daily=False, keep=None):
    """Return `build()`, computed once per content version (and per day if `daily`).

    `name` must say everything the value depends on besides content (a site, a page, a
    filter). Values are pickled by the cache: each caller gets its own copy. `keep(value)`,
    if given, says whether a value is worth keeping.
    """
    key = f"content:{content_version()}:{name}"
    if daily:
        key += f":{timezone.localdate().isoformat()}"
    cache = caches["default"]
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        if keep is None or keep(value):
            cache.set(key, value, TIMEOUT_SECONDS)
    return value


def kept_for_content(kind, ids, build):
    """Return {id: value} for `ids`, each value kept per content version in the page store.

    For rendered pieces that many pages show (story cards, knowledge cards): one read for
    all of them, and `build(missing_ids)` ({id: value}) is called only for those missing.
    """
    store, version = caches["pages"], content_version()
    keys = {pk: f"{kind}:{version}:{pk}" for pk in ids}
    found = store.get_many(keys.values()) if keys else {}
    missing = [pk for pk in keys if keys[pk] not in found]
    fresh = build(missing) if missing else {}
    if fresh:
        store.set_many({keys[pk]: value for pk, value in fresh.items()}, TIMEOUT_SECONDS)
    kept = {pk: found[key] for pk, key in keys.items() if key in found}
    return kept | fresh


def forget_version(**kwargs):
    """Make the next read of the version go to the database (after a write, a new request)."""
    memo = _request_memo.get()
    if memo is not None:
        memo["version"] = None


@receiver(request_started)
def _request_started(**kwargs):
    _request_memo.set({"version": None})


@receiver(request_finished)
def _request_finished(**kwargs):
    _request_memo.set(None)


# A request that writes content and then renders a page must see its own change.
post_save.connect(forget_version, dispatch_uid="relais_forget_version_save")
post_delete.connect(forget_version, dispatch_uid="relais_forget_version_delete")
m2m_changed.connect(forget_version, dispatch_uid="relais_forget_version_m2m")
