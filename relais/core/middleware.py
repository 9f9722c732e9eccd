"""Security headers and the cache of public pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.cache import has_vary_header

from wagtail.images.models import get_rendition_storage

from .page_cache import Dependencies
from .page_store import PageStore, current_versions, forget_every_page

# Wagtail's admin needs inline scripts and shows previews in a same-origin frame.
ADMIN_CSP = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'"
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
PRIVATE_PREFIXES = ("/contribuer/",)
# Any name will do: only the scheme, host and port of the URL the storage makes are kept.
PROBE_NAME = "relais-csp-probe.png"
UNCACHED_PREFIXES = ("/session/",)  # what is personal on public pages (the session fragment)


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIXES)


def url_origin(url):
    """Return "scheme://host[:port]" of an absolute URL, or None for a path on this site."""
    parts = urlsplit(url)
    if not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme or 'https'}://{host}{port}"  # "//host/…" is served over HTTPS


def media_origins():
    """Return the other hosts that media URLs point to (S3 bucket, CDN), in a stable order.

    The storages make the URLs that pages show, so they are asked rather than their settings
    reread: a custom domain, a path-style or virtual-host bucket URL and an absolute
    MEDIA_URL all come out as the one exact origin the browser will fetch from.
    """
    origins = (url_origin(storage.url(PROBE_NAME)) for storage in media_storages())
    return list(dict.fromkeys(origin for origin in origins if origin))


def media_storages():
    """Return the storages of public media: uploaded files, and Wagtail's renditions."""
    return [default_storage, get_rendition_storage()]


def public_csp(media_hosts, contributor=False):
    """Return the policy of public pages; media_hosts are the origins of media, if not here.

    Images keep 'self' for the site's own static images; audio comes only from the media
    host. The contributor space plays back private recordings through Relais's views and
    what the recorder just captured (a blob: URL).
    """
    hosts = " ".join(media_hosts)
    media = hosts or "'self'"
    if contributor:
        media = " ".join(dict.fromkeys(["'self'", "blob:", *media_hosts]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data: {hosts}".strip(),
            f"media-src {media}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy and Permissions-Policy to every response.

    The policies are built once, when the server starts, from the media storages.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        hosts = media_origins()
        self.public_csp = public_csp(hosts)
        self.contributor_csp = public_csp(hosts, contributor=True)

    def __call__(self, request):
        response = self.get_response(request)
        contributor = request.path.startswith(PRIVATE_PREFIXES)
        if is_admin_path(request.path):
            csp = ADMIN_CSP
        elif contributor:
            csp = self.contributor_csp
        else:
            csp = self.public_csp
        microphone = "(self)" if contributor else "()"  # only the recorder needs it
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault(
            "Permissions-Policy", f"camera=(), geolocation=(), microphone={microphone}"
        )
        return response


class PublicPageCacheMiddleware:
    """Serve GET and HEAD requests for public pages from cache, for everybody.

    Cookies play no part: a signed-in person gets the page everybody gets (what is theirs
    alone comes from the session fragment, see relais.core.views), and a made-up session
    cookie changes nothing. Only the query parameters a page reads make its key. A page is
    served until content it declared it shows changes (relais.core.page_cache).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        store, query = PageStore(request), request.GET
        cached = store.lookup(query)
        if cached is not None:
            return cached
        cookies, name = request.COOKIES, settings.SESSION_COOKIE_NAME
        if name not in cookies:
            return self._render(request, store, query)[0]
        # Signed in: render the page everybody gets, as for a visitor without a session, so
        # that it fills the cache too. Only a page that is not the same for everybody (a
        # private section asking to sign in) is rendered again with the session.
        request.COOKIES = {key: value for key, value in cookies.items() if key != name}
        response, kept = self._render(request, store, query)
        if kept:
            return response
        request.COOKIES = cookies
        for cached_user in ("_cached_user", "_acached_user"):
            request.__dict__.pop(cached_user, None)
        return self.get_response(request)

    def _render(self, request, store, query):
        """Return (the response, whether it was kept in the cache)."""
        request.page_cache = Dependencies()
        versions = current_versions()
        response = self.get_response(request)
        kept = self._cacheable_response(response)
        if kept:
            store.save(response, request.page_cache, versions, query)
        return response, kept

    @staticmethod
    def _cacheable_request(request):
        return (
            settings.RELAIS_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not is_admin_path(request.path)
            and not request.path.startswith(PRIVATE_PREFIXES + UNCACHED_PREFIXES)
            and not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
        )

    @staticmethod
    def _cacheable_response(response):
        """Keep only what is the same for everybody: no cookie set, no session read."""
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
            and not has_vary_header(response, "Cookie")
        )


def clear_page_cache():
    """Drop every cached public page, in every process (sign-in counters live elsewhere)."""
    forget_every_page()
