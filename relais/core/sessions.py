"""Signed-in sessions end after a while without any request (idle timeout).

Django's sessions only expire a fixed time after they were last written, and writing the
session on every request would cost a database write per page. This middleware stamps the
time of the last request at most once a minute, and signs out whoever comes back later than
their limit: staff (anyone who may open the admin) sooner than ambassadors.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext_lazy as _

from .middleware import PRIVATE_PREFIXES, is_admin_path

SEEN_KEY = "relais_seen"  # when the last request was stamped (Unix time)
IDLE_KEY = "relais_idle_seconds"  # the limit of this session's user
STAMP_EVERY_SECONDS = 60
SESSION_ENDED = _("Your session ended after a period of inactivity: please sign in again.")


def idle_seconds(user):
    """Return how long this user's session may stay unused."""
    if user.has_perm("wagtailadmin.access_admin"):
        return settings.RELAIS_STAFF_SESSION_IDLE_SECONDS
    return settings.RELAIS_CONTRIBUTOR_SESSION_IDLE_SECONDS


def stamp(request, now):
    request.session[SEEN_KEY] = now
    request.session[IDLE_KEY] = idle_seconds(request.user)


class IdleSessionMiddleware:
    """Sign out idle sessions; put after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Anonymous visitors carry no session cookie: their requests never touch the session.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self.check(request, time.time())
        response = self.get_response(request)
        signed_in_now = request.session.modified and SEEN_KEY not in request.session
        if signed_in_now and request.user.is_authenticated:
            stamp(request, time.time())
        return response

    @staticmethod
    def check(request, now):
        seen = request.session.get(SEEN_KEY)
        limit = request.session.get(IDLE_KEY, settings.RELAIS_STAFF_SESSION_IDLE_SECONDS)
        if seen is not None and now - seen > limit:
            logout(request)
            if is_admin_path(request.path) or request.path.startswith(PRIVATE_PREFIXES):
                messages.info(request, SESSION_ENDED)
        elif seen is None or now - seen >= STAMP_EVERY_SECONDS:
            stamp(request, now)
