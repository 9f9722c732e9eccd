"""The site, its home page, the home's sections and the view restrictions, once per content change.

Wagtail finds them again on every request: the site by host name, then each page of the
URL and its specific type, then the view restrictions of every ancestor, each time in a few
queries. They change only when an editor changes content, so Relais keeps them in the
content cache (`content_cache`) and serves a page after reading only the page itself.
Wagtail's semantics are kept: live pages only, view restrictions, the site of the host name.
"""

from django.http import Http404
from django.http.request import split_domain_port

from wagtail.models import Page, PageViewRestriction, Site

from .content_cache import cached_for_content


def find_site(request):
    """Return the Site that serves `request` and remember it where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        # Daily: the home page carries the programme's upcoming dates (see HomePage).
        request._wagtail_site = cached_for_content(
            f"site:{hostname}:{port}", lambda: _load_site(request), daily=True
        )
    return request._wagtail_site


def _load_site(request):
    site = Site.find_for_request(request)
    if site is not None:
        root = site.root_page.specific
        if hasattr(root, "load_site_wide_data"):
            root.load_site_wide_data()
        site.root_page = root
    return site


def root_page(request):
    """Return the specific home page of the site that serves the request, or None."""
    site = find_site(request)
    return site.root_page if site else None


def view_restrictions():
    """Return (path, restriction) pairs for every restricted section, with their groups."""
    return cached_for_content("view-restrictions", _load_view_restrictions)


def _load_view_restrictions():
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return {
        "restrictions": [(restriction.page.path, restriction) for restriction in restrictions],
        "alias_paths": list(aliases),
    }


def is_public(page):
    """Tell whether no view restriction applies to `page` (as Wagtail's `public()`)."""
    return not any(page.path.startswith(path) for path, _ in view_restrictions()["restrictions"])


def exclude_private(queryset):
    """Return a page queryset without restricted sections, as `public()` without its query."""
    for path, _ in view_restrictions()["restrictions"]:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def children_of(page):
    """Return the specific children of `page` in tree order (for pages with few children)."""
    return cached_for_content(
        f"children:{page.pk}", lambda: list(page.get_children().specific().order_by("path"))
    )


class SiteTreePageMixin:
    """Serve a page with the cached site tree: its view restrictions cost no query."""

    def get_view_restrictions(self):
        """Return the restrictions of this page and its ancestors (Wagtail's, cached)."""
        data = view_restrictions()
        if any(self.path.startswith(path) for path in data["alias_paths"]):
            return super().get_view_restrictions()  # an alias in the ancestry: Wagtail resolves it
        return [
            restriction for path, restriction in data["restrictions"] if self.path.startswith(path)
        ]


class CachedChildrenRouteMixin(SiteTreePageMixin):
    """Route to children kept in the content cache: for a page with few children (the home)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = next((c for c in children_of(self) if c.slug == path_components[0]), None)
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


class CachedSiteMiddleware:
    """Find the site of a request Wagtail serves in the content cache, before Wagtail does."""

    def __init__(self, get_response):
        from wagtail.views import serve  # not while models load: this module is imported then

        self.get_response = get_response
        self.wagtail_serve = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.wagtail_serve:  # other views find the site when they need it
            find_site(request)
