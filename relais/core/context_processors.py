"""Navigation shared by every public page, computed once per content change."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .content_cache import cached_for_content
from .models import FunderSettings
from .site_tree import children_of, is_public, root_page

__all__ = ["root_page", "site_chrome"]


def _menu_pages(request, in_menu):
    root = root_page(request)
    if root is None:
        return []
    return [
        page
        for page in children_of(root)
        if page.live and page.show_in_menus == in_menu and is_public(page)
    ]


def _funder():
    """Return the funder mention with its logo (shown in every footer)."""
    return cached_for_content(
        "funder", lambda: FunderSettings.objects.select_related("logo").first() or FunderSettings()
    )


def session_cookie_hint():
    """Return the cookie that tells a script the visitor may be signed in ("" if none can).

    Every sign-in form sets the CSRF cookie; when scripts cannot read it, they always ask.
    """
    if settings.CSRF_COOKIE_HTTPONLY or settings.CSRF_USE_SESSIONS:
        return ""
    return settings.CSRF_COOKIE_NAME


def site_chrome(request):
    """Provide the home page, the main menu, the footer links, the funder mention and the session
    cookie hint."""
    return {
        "site_root": SimpleLazyObject(lambda: root_page(request)),
        "menu_pages": SimpleLazyObject(lambda: _menu_pages(request, in_menu=True)),
        "footer_pages": SimpleLazyObject(lambda: _menu_pages(request, in_menu=False)),
        "site_funder": SimpleLazyObject(_funder),
        "session_cookie_hint": session_cookie_hint(),
    }
