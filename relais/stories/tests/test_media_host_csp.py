"""A story's images and audio capsule load in the browser wherever media are stored: the
Content-Security-Policy allows exactly the host their URLs point to, and nothing more."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from relais.core.middleware import url_origin
from relais.stories.tests.factories import AudioCapsuleFactory, story_with_every_block

CUSTOM_DOMAIN = "medias.relais.example.org"


class MediaSources(HTMLParser):
    """Collect the URLs a page makes the browser fetch as images and as audio or video."""

    def __init__(self):
        super().__init__()
        self.images, self.media, self.open_media = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("audio", "video"):
            self.open_media.append(tag)
        if tag in ("audio", "video", "source") and (tag != "source" or self.open_media):
            self.media += [attrs[name] for name in ("src",) if attrs.get(name)]
        if tag == "img" or (tag == "source" and not self.open_media):
            self.images += [attrs["src"]] if attrs.get("src") else []
            srcset = attrs.get("srcset") or ""
            self.images += [part.split()[0] for part in srcset.split(",") if part.strip()]

    def handle_endtag(self, tag):
        if tag in ("audio", "video") and self.open_media:
            self.open_media.pop()


def policy(header):
    """Return {directive: [sources]} of a Content-Security-Policy header."""
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def allows(sources, url):
    """Return whether a CSP source list lets the browser fetch url from a page of this site."""
    if url.startswith("data:"):
        return "data:" in sources
    origin = url_origin(url)
    return "'self'" in sources if origin is None else origin in sources


def use_storage(case, request, settings):
    """Configure the media storage of a case; return the origin media URLs must have."""
    if case == "local":
        return None
    if case == "absolute MEDIA_URL":
        settings.MEDIA_URL = f"https://{CUSTOM_DOMAIN}/media/"
        return f"https://{CUSTOM_DOMAIN}"
    server = request.getfixturevalue("s3_media")
    if case == "S3, custom domain":  # files go to the bucket, links to the CDN in front of it
        settings.STORAGES = server.storages(settings.STORAGES, custom_domain=CUSTOM_DOMAIN)
        return f"https://{CUSTOM_DOMAIN}"
    return server.endpoint_url  # path-style: http://127.0.0.1:port/relais-media/…


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", ["local", "absolute MEDIA_URL", "S3, path-style URLs", "S3, custom domain"]
)
def test_the_policy_allows_the_host_of_every_image_and_capsule_of_a_story(
    client, story_index, settings, request, case
):
    expected_origin = use_storage(case, request, settings)
    story = story_with_every_block(story_index, capsule=AudioCapsuleFactory())
    response = client.get(story.url)
    assert response.status_code == 200
    found = MediaSources()
    found.feed(response.content.decode())
    csp = policy(response["Content-Security-Policy"])
    media_urls = found.images + found.media
    assert found.media and len(found.images) >= 2  # the story's image, the funder's logo
    assert {url_origin(url) for url in media_urls if "/static/" not in url} == {expected_origin}
    assert [url for url in found.images if not allows(csp["img-src"], url)] == []
    assert [url for url in found.media if not allows(csp["media-src"], url)] == []
    assert csp["img-src"] == ["'self'", "data:", expected_origin][: 3 if expected_origin else 2]
    assert csp["media-src"] == [expected_origin or "'self'"]  # no 'self' when media are away


@pytest.mark.django_db
def test_the_bucket_serves_what_the_story_links_to(client, story_index, s3_media):
    """Path-style S3 URLs: each image and the capsule answer an anonymous browser's GET."""
    story = story_with_every_block(story_index, capsule=AudioCapsuleFactory())
    found = MediaSources()
    found.feed(client.get(story.url).content.decode())
    bucket_urls = [
        url for url in found.images + found.media if url.startswith(s3_media.endpoint_url)
    ]
    assert len(bucket_urls) >= 3  # two images and the capsule
    assert {url: s3_media.anonymous_get(url) for url in bucket_urls} == dict.fromkeys(
        bucket_urls, 200
    )
    assert all(urlsplit(url).path.startswith("/relais-media/") for url in bucket_urls)
