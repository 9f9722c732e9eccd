"""The public search page: a GET form, filters with counts, highlighted results, pages."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.views.decorators.cache import never_cache

from relais.journey.lookups import all_stages, all_themes

from .query import MAX_QUERY_CHARS
from .services import COUNT_CAP, search
from .sources.registry import SOURCES

# Results are not kept in the page cache: queries are endless and each would fill it once.
# A search costs a few indexed statements (see bench/search.py).


@never_cache
def results(request):
    """Show the results of a query, or a helpful French page when there are none."""
    text = request.GET.get("q", "")
    found = search(
        text,
        kind=request.GET.get("type"),
        stage=request.GET.get("etape"),
        theme=request.GET.get("theme"),
        page=request.GET.get("page"),
    )
    link = _linker(found)
    context = {
        "found": found,
        "q": found.query.text,
        "max_length": MAX_QUERY_CHARS,
        "count_cap": number_format(COUNT_CAP, force_grouping=True),
        "kinds": _filters(found, SOURCES, found.kinds, lambda kind: link(type=kind, page=None)),
        "all_kinds_link": link(type=None, page=None),
        "stages": _filters(found, all_stages(), found.stages, lambda pk: link(etape=pk, page=None)),
        "themes": _filters(found, all_themes(), found.themes, lambda pk: link(theme=pk, page=None)),
        "clear_stage_link": link(etape=None, page=None),
        "clear_theme_link": link(theme=None, page=None),
        "previous_link": link(page=found.page - 1) if found.has_previous else None,
        "next_link": link(page=found.page + 1) if found.has_next else None,
        "stage_guides": list(all_stages().values()),
        "faq_url": reverse("ideas:faq"),
        "idea_box_url": reverse("ideas:idea_box"),
    }
    return render(request, "search/results.html", context)


def _filters(found, choices, counts, link):
    """Return (choice, count, link) for each choice with hits; past the counting cap, every
    choice with no count (counting them would read every match)."""
    if not found.counted:
        return [(choice, None, link(key)) for key, choice in choices.items()]
    return [(choice, counts[key], link(key)) for key, choice in choices.items() if counts.get(key)]


def _linker(found):
    """Return a function making the link to these results with some parameters changed."""
    current = {
        "q": found.query.text,
        "type": found.kind,
        "etape": found.stage,
        "theme": found.theme,
        "page": found.page if found.page > 1 else None,
    }

    def link(**changes):
        params = {k: v for k, v in {**current, **changes}.items() if v not in (None, "")}
        return f"{reverse('search:results')}?{urlencode(params)}"

    return link
