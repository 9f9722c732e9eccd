"""Navigation shared by every public page, computed only when a template uses it."""

from django.utils.functional import SimpleLazyObject

from wagtail.models import Site


def _root_page(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _menu_pages(request, in_menu):
    root = _root_page(request)
    if root is None:
        return []
    children = root.get_children().live().public().filter(show_in_menus=in_menu)
    return list(children.specific(defer=True).order_by("path"))


def _programme(request):
    """Return the programme of the site's home page, if the home page has one."""
    root = _root_page(request)
    return getattr(root.specific, "programme", None) if root else None


def site_chrome(request):
    """Provide the home page, the main menu, the footer links and the site's programme."""
    return {
        "site_root": SimpleLazyObject(lambda: _root_page(request)),
        "menu_pages": SimpleLazyObject(lambda: _menu_pages(request, in_menu=True)),
        "footer_pages": SimpleLazyObject(lambda: _menu_pages(request, in_menu=False)),
        "site_programme": SimpleLazyObject(lambda: _programme(request)),
    }
