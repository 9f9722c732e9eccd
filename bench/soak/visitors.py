"""Anonymous visitors: short visits that follow links, filter the listing and load media."""

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlencode, urljoin, urlsplit

LISTING = "/histoires/"
PAGES_PER_VISIT = (3, 12)
MEDIA_PER_PAGE = 3
AUDIO_RANGE = "bytes=0-65535"  # what a player asks first
NOT_PUBLIC = ("/static/", "/contribuer/", "/admin/", "/documents/", "/media/")
HREF = re.compile(r'href="([^"#][^"]*)"')
SOURCE = re.compile(r'(?:src|href)="(https?://[^"#]+\.(?:png|jpe?g|webp|gif|avif|mp3|ogg))')
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')
SELECT = re.compile(r'<select name="(\w+)".*?</select>', re.S)
OPTION = re.compile(r'<option value="([^"]+)"')


@dataclass
class Site:
    """What visitors know of the site: the listing's filters and where media are served."""

    filters: dict
    media_base: str  # e.g. http://127.0.0.1:9000/bucket/
    think_seconds: float


def listing_filters(html):
    """Return {parameter: [values]} offered by the listing's filter form."""
    return {match.group(1): OPTION.findall(match.group(0)) for match in SELECT.finditer(html)}


def filtered_listing(rng, filters):
    """Return a listing URL with a few random filters and sometimes a later page."""
    query = {name: rng.choice(values) for name, values in filters.items() if rng.random() < 0.4}
    if rng.random() < 0.3:
        query["page"] = rng.randint(2, 90)  # past the last page shows the last one
    return LISTING + (f"?{urlencode(query)}" if query else "")


def public_links(html, current):
    """Return the site's own public page links in html, made absolute from current."""
    links = []
    for href in HREF.findall(html):
        url = urljoin(current, unescape(href))
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue  # another site, mailto:, tel:
        if parts.path.startswith(NOT_PUBLIC):
            continue
        links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def next_page(rng, html, current, filters):
    links = public_links(html, current)
    if not links or rng.random() < 0.25:
        return filtered_listing(rng, filters)
    return rng.choice(links)


def load_media(client, rng, html, media_base):
    """Fetch a few of the page's images and recordings from the media storage (S3)."""
    sources = sorted({url for url in SOURCE.findall(html) if url.startswith(media_base)})
    for url in rng.sample(sources, min(MEDIA_PER_PAGE, len(sources))):
        headers = {"Range": AUDIO_RANGE} if url.endswith((".mp3", ".ogg")) else None
        client.get("media", url, headers=headers)


def load_assets(client, html):
    """Fetch the stylesheet and script once per visit, as a browser with an empty cache."""
    for path in sorted(set(ASSET.findall(html))):
        client.get("static", path)


def visit(client, rng, site):
    """One visit: enter on the home page or the listing, then follow 3 to 12 pages."""
    stop = client.recorder.stop
    path = rng.choice(["/", LISTING, filtered_listing(rng, site.filters)])
    for step in range(rng.randint(*PAGES_PER_VISIT)):
        if stop.is_set():
            return
        status, _headers, body = client.get("page", path)
        if status != 200:
            return
        html = body.decode("utf-8", "replace")
        if step == 0:
            load_assets(client, html)
        load_media(client, rng, html, site.media_base)
        stop.wait(rng.uniform(0, 2 * site.think_seconds))
        path = next_page(rng, html, path, site.filters)


def visitor(client, rng, site):
    """Visit again and again until the soak ends."""
    while not client.recorder.stop.is_set():
        visit(client, rng, site)
