"""The Content-Security-Policy names the exact origin media URLs point to, never a wildcard.

The pages themselves are checked in relais/stories/tests/test_media_host_csp.py, against a
real S3 server; here, configurations that need no server, each with the origin it must give.
"""

import pytest

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.test import RequestFactory

from relais.core.middleware import SecurityHeadersMiddleware, url_origin

S3 = "storages.backends.s3.S3Storage"
BUCKET = "relais-media"


def policy_for(path):
    """Return the CSP, as {directive: sources}, that a freshly started server sends for path."""
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse())
    header = middleware(RequestFactory().get(path))["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in header.split("; "))}


def s3_storages(settings, **options):
    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": S3,
            "OPTIONS": {"bucket_name": BUCKET, "querystring_auth": False, **options},
        },
    }


@pytest.mark.parametrize(
    ("options", "origin"),
    [
        ({}, f"https://{BUCKET}.s3.amazonaws.com"),  # AWS, no endpoint: virtual-host style
        (
            {"endpoint_url": "https://s3.eu-west-3.amazonaws.com", "addressing_style": "virtual"},
            f"https://{BUCKET}.s3.eu-west-3.amazonaws.com",
        ),
        ({"endpoint_url": "https://s3.fr-par.scw.cloud"}, "https://s3.fr-par.scw.cloud"),
        ({"endpoint_url": "http://127.0.0.1:9000"}, "http://127.0.0.1:9000"),
        (
            {"endpoint_url": "https://s3.example.org", "custom_domain": "cdn.example.org:8443"},
            "https://cdn.example.org:8443",
        ),
    ],
)
def test_media_in_a_bucket_are_allowed_from_the_bucket_host_only(settings, options, origin):
    """Virtual-host and path-style bucket URLs, a custom domain: one exact origin."""
    settings.STORAGES = s3_storages(settings, **options)
    assert url_origin(default_storage.url("audio/capsule.mp3")) == origin
    csp = policy_for("/histoires/")
    assert csp["img-src"] == ["'self'", "data:", origin]  # 'self': the site's static images
    assert csp["media-src"] == [origin]
    assert csp["default-src"] == ["'self'"]
    assert not any("*" in source for sources in csp.values() for source in sources)


def test_the_contributor_space_also_plays_its_own_private_recordings(settings):
    settings.STORAGES = s3_storages(settings, endpoint_url="https://s3.fr-par.scw.cloud")
    origin = "https://s3.fr-par.scw.cloud"
    assert policy_for("/contribuer/")["media-src"] == ["'self'", "blob:", origin]


def test_local_media_are_allowed_from_the_site_itself_only():
    csp = policy_for("/histoires/")
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["media-src"] == ["'self'"]
    assert policy_for("/contribuer/")["media-src"] == ["'self'", "blob:"]


def test_an_absolute_media_url_is_allowed(settings):
    settings.MEDIA_URL = "https://medias.example.org/relais/"
    assert policy_for("/")["media-src"] == ["https://medias.example.org"]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("/media/images/a.png", None),
        ("https://Medias.Example.org/a.png?x=1", "https://medias.example.org"),
        ("http://127.0.0.1:9000/relais-media/a.png", "http://127.0.0.1:9000"),
        ("http://[::1]:9000/relais-media/a.png", "http://[::1]:9000"),
        ("//cdn.example.org/media/a.png", "https://cdn.example.org"),
    ],
)
def test_the_origin_of_a_url_is_scheme_host_and_port(url, origin):
    assert url_origin(url) == origin
