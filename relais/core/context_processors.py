"""Navigation shared by every public page, computed only when a template uses it."""

from django.utils.functional import SimpleLazyObject

from wagtail.models import Site


def root_page(request):
    """Return the home page of the site that serves the request, or None."""
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _menu_pages(request, in_menu):
    root = root_page(request)
    if root is None:
        return []
    children = root.get_children().live().public().filter(show_in_menus=in_menu)
    return list(children.specific(defer=True).order_by("path"))


def site_chrome(request):
    """Provide the home page, the main menu and the footer links."""
    return {
        "site_root": SimpleLazyObject(lambda: root_page(request)),
        "menu_pages": SimpleLazyObject(lambda: _menu_pages(request, in_menu=True)),
        "footer_pages": SimpleLazyObject(lambda: _menu_pages(request, in_menu=False)),
    }
