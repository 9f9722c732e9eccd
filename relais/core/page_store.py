"""Rendered public pages kept in caches["pages"], each checked against the content it shows.

An entry records the content generation it was rendered at and its tags; it is served while
none of its tags changed since (one indexed query). The stamps live in the database, not in
the cache: every worker process sees a change at once, whatever the cache backend. So does
the epoch, a random number that `forget_every_page` renews: after an erasure or a restore,
no worker serves a page it still holds in its own memory.
"""

import hashlib
import secrets
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches

from .models import CacheTag, ContentGeneration
from .page_cache import query_key

EPOCH = "epoch"  # a CacheTag row whose "generation" is a random number


class Entry(NamedTuple):
    """A cached response; without one, it only says which query parameters a path reads."""

    generation: int
    epoch: int
    tags: frozenset
    params: tuple | None
    response: object = None


def current_versions():
    """Return the content generation and the epoch, read before a page is rendered."""
    epoch = CacheTag.objects.filter(name=EPOCH).values_list("generation", flat=True).first()
    return ContentGeneration.current(), epoch or 0


def forget_every_page():
    """Make every cached page stale in every process, and drop those of this cache."""
    CacheTag.objects.update_or_create(name=EPOCH, defaults={"generation": secrets.randbits(62)})
    # Values kept per content version (menus, story cards) in other processes must not be
    # read again: after a restore, the version restored may be one they already used.
    ContentGeneration.leap()
    caches["pages"].clear()


def fresh(entries):
    """Return whether no tag of these entries changed after they were rendered."""
    names = set().union(*(entry.tags for entry in entries), {EPOCH})
    stamps = dict(CacheTag.objects.filter(name__in=names).values_list("name", "generation"))
    return all(
        stamps.get(EPOCH, 0) == entry.epoch
        and all(stamps.get(tag, 0) <= entry.generation for tag in entry.tags)
        for entry in entries
    )


class PageStore:
    """The cached variants of one path (for one method and host)."""

    def __init__(self, request):
        self.cache = caches["pages"]
        self.base = f"{request.method}:{request.get_host()}:{request.path}"

    def key(self, kind, variant=""):
        digest = hashlib.sha256(f"{self.base}?{variant}".encode()).hexdigest()
        return f"{kind}:{digest}"

    def lookup(self, query):
        """Return the cached response for this query string, or None if absent or stale.

        The parameters that count are known from the page without query (or, when only
        variants were cached, from the path's "params" entry); the others are ignored.
        """
        bare_key = self.key("page")
        if not query:
            entry = self.cache.get(bare_key)
            return entry.response if entry is not None and fresh([entry]) else None
        params_key = self.key("params")
        found = self.cache.get_many([bare_key, params_key])
        known = found.get(bare_key) or found.get(params_key)
        if known is None:
            return None
        variant = query_key(query, known.params)
        entry = self.cache.get(self.key("page", variant)) if variant else found.get(bare_key)
        if entry is None or not fresh([known, entry]):
            return None
        return entry.response

    def save(self, response, dependencies, versions, query):
        """Keep a response under the key its declared query parameters make.

        `versions` were read before rendering: a change made meanwhile makes it stale.
        """
        variant = query_key(query, dependencies.params)
        entry = Entry(*versions, dependencies.cache_tags(), dependencies.params, response)
        entries = {self.key("page", variant): entry}
        if variant:  # so that the next variant knows which parameters count
            entries[self.key("params")] = entry._replace(response=None)
        self.cache.set_many(entries, settings.RELAIS_PAGE_CACHE_SECONDS)
