"""What a cached public page depends on: the query parameters it reads and the content it shows.

A view declares both while it renders. The query parameters it reads make the cache key (any
other parameter is dropped before the view sees it, so it can neither miss nor fill the
cache); the tags name the content it shows, so that a change to that content invalidates
this page and no other (relais.core.invalidation stamps the tags a write touches).
"""

import re
from functools import wraps
from urllib.parse import urlencode

from django.http import QueryDict

from wagtail.models import Page

SITE = "site"  # what every page shows: menus, settings, the programme and its stages
ANY = "any"  # stamped by every change: a page that declares nothing depends on everything


class Dependencies:
    """What the page being rendered declared (the middleware puts one on the request)."""

    def __init__(self):
        self.params = None  # None: the view did not say, the whole query string counts
        self.tags = set()

    def cache_tags(self):
        """Return the tags the cached page is checked against."""
        return frozenset(self.tags | {SITE}) if self.tags else frozenset({ANY})


def tag_for(model, pk):
    """Return the tag naming one object; every kind of page shares Wagtail's page ids."""
    if issubclass(model, Page):
        model = Page
    return f"{model._meta.label_lower}:{pk}"


def object_tag(obj):
    return tag_for(type(obj), obj.pk)


def declare(request, *tags):
    """Say that the page being rendered shows the content these tags name."""
    dependencies = getattr(request, "page_cache", None)
    if dependencies is not None:
        dependencies.tags.update(tag for tag in tags if tag)


def depends_on(request, *objects):
    """Say that the page being rendered shows these objects (None is skipped)."""
    declare(request, *(object_tag(obj) for obj in objects if obj is not None and obj.pk))


SLUG = re.compile(r"^[-\w]{1,120}$")


def _slug(value):
    return value if SLUG.match(value) else ""


def _number(value):
    return str(int(value)) if value.isdigit() and len(value) < 10 else ""


def _page(value):
    number = _number(value)
    return number if number not in ("", "0", "1") else ""  # page 1 is the page without it


QUERY_VALUES = {"slug": _slug, "number": _number, "page": _page}


def normalised_query(query, params):
    """Return the query a view is given: its parameters only, last value, normalised.

    `params` is a sequence of (name, kind) pairs, kind a key of QUERY_VALUES. Values that
    the kind cannot hold are dropped, as if absent.
    """
    kept = QueryDict(mutable=True)
    for name, kind in params:
        value = QUERY_VALUES[kind](query.get(name, "").strip())
        if value:
            kept[name] = value
    kept._mutable = False
    return kept


def query_key(query, params):
    """Return the part of the cache key that the query string makes ("" for none)."""
    if params is None:
        items = [(name, value) for name in query for value in query.getlist(name)]
    else:
        items = list(normalised_query(query, params).items())
    return urlencode(sorted(items))


def use_query(request, params=()):
    """Give the view the normalised query only, and tell the page cache which parameters count."""
    request.GET = normalised_query(request.GET, params)
    dependencies = getattr(request, "page_cache", None)
    if dependencies is not None:
        dependencies.params = tuple(params)


def public_page(params=()):
    """Decorate a public view: it reads only `params` of the query string, normalised."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            use_query(request, params)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
