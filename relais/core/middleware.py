"""Security headers and a cache of public pages that any content change invalidates at once."""

import hashlib

from django.conf import settings
from django.core.cache import caches

from .models import ContentGeneration

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Wagtail's admin needs inline scripts and shows previews in a same-origin frame.
ADMIN_CSP = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
PRIVATE_PREFIXES = ("/contribuer/",)


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIXES)


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy and Permissions-Policy to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        contributor = request.path.startswith(PRIVATE_PREFIXES)
        if is_admin_path(request.path):
            csp = ADMIN_CSP
        elif contributor:  # the recorder may play back what was just recorded (a blob: URL)
            csp = PUBLIC_CSP.replace("media-src 'self'", "media-src 'self' blob:")
        else:
            csp = PUBLIC_CSP
        microphone = "(self)" if contributor else "()"  # only the recorder needs it
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault(
            "Permissions-Policy", f"camera=(), geolocation=(), microphone={microphone}"
        )
        return response


class PublicPageCacheMiddleware:
    """Serve anonymous GET requests for public pages from cache.

    The cache key includes the content generation, a counter bumped on every content write,
    so that publishing, editing or unpublishing shows at once in every worker process.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        cached = caches["pages"].get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self._cacheable_response(response):
            caches["pages"].set(key, response, settings.RELAIS_PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            settings.RELAIS_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not is_admin_path(request.path)
            and not request.path.startswith(PRIVATE_PREFIXES)
            and not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def _cacheable_response(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key(request):
        raw = f"{request.method}:{request.get_host()}:{request.get_full_path()}"
        digest = hashlib.sha256(raw.encode()).hexdigest()
        return f"page:{ContentGeneration.current()}:{digest}"


def clear_page_cache():
    """Drop every cached public page (sign-in counters live in another cache)."""
    caches["pages"].clear()
