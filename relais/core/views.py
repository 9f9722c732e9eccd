"""Site-wide views that belong to no page: the error page, the favicon, the session fragment."""

import logging

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache

from wagtail.models import Page

from .models import FunderSettings

logger = logging.getLogger(__name__)


def server_error(request):
    """Render the 500 page without context processors, with the funder if the database answers.

    The grant agreement wants the funder mention everywhere, but the error may come from the
    database itself: then the page goes without it rather than failing in turn.
    """
    try:
        funder = FunderSettings.load()
    except Exception:  # any failure here must still give the visitor a page
        logger.warning("500 page rendered without the funder mention", exc_info=True)
        funder = None
    return HttpResponseServerError(loader.get_template("500.html").render({"funder": funder}))


@cache_control(max_age=86400)
def favicon(request):
    """Send browsers that ask for /favicon.ico to the versioned icon in the static files."""
    return redirect(static("img/favicon.ico"))


@never_cache
def session_fragment(request):
    """Return what a signed-in person alone sees on a public page, for its script to insert.

    Public pages are the same cached HTML for everybody; the link to one's space and, for
    editors, Wagtail's user bar for the page being read (`?page=<id>`) come from here.
    Nobody signed in: nothing to add (204).
    """
    if not request.user.is_authenticated:
        return HttpResponse(status=204)
    editor = request.user.has_perm("wagtailadmin.access_admin")
    page_id = request.GET.get("page", "")
    page = None
    if editor and page_id.isdigit():
        page = Page.objects.filter(pk=int(page_id)).first()
        page = page.specific if page is not None else None
    return render(request, "core/session_fragment.html", {"page": page, "editor": editor})
