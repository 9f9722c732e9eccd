"""Site-wide views that belong to no page: the error page and the favicon."""

import logging

from django.http import HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import cache_control

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
