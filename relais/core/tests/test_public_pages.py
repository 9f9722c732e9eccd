"""Every public page carries the funder mention, safe headers and no third-party request."""

import re
from urllib.parse import urlparse

import pytest

RESOURCE_ATTRIBUTES = re.compile(
    r"""<(?:script|img|audio|video|source|iframe|embed|object|track|link)\b[^>]*?"""
    r"""\s(?:src|srcset|href|data|poster)=["']([^"']+)["']""",
    re.IGNORECASE,
)
CSS_URLS = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.IGNORECASE)


def third_party_resources(html):
    """Return the resource URLs of a page that point to another host."""
    found = []
    for match in RESOURCE_ATTRIBUTES.findall(html) + CSS_URLS.findall(html):
        for candidate in match.split(","):
            url = candidate.strip().split(" ")[0]
            if url.startswith("//") or urlparse(url).netloc:
                found.append(url)
    return found


@pytest.mark.django_db
def test_the_pages_checked_below_include_every_kind_of_public_page(public_urls, site_content):
    """Home, listing, story, project, portrait, stage, standard pages and filters."""
    expected = [
        "/",
        "/histoires/",
        "/ambassadeurs/",
        site_content["story"].url,
        site_content["project"].get_absolute_url(),
        site_content["ambassador"].get_absolute_url(),
        site_content["about"].url,
        site_content["legal"].url,
    ]
    assert [url for url in expected if url not in public_urls] == []
    assert any(url.startswith("/etapes/") for url in public_urls)
    assert any("?etape=" in url for url in public_urls)


@pytest.mark.django_db
def test_every_public_page_shows_the_funder_block(client, public_urls):
    """Article 7 of the grant agreement: logo, name, amount and link on every medium."""
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="funder"' in html, url
        assert "Département du Pas-de-Calais" in html, url
        assert "35\u202f400\u00a0€" in html, url
        assert 'href="https://www.pasdecalais.fr"' in html, url
        assert re.search(r'<img[^>]+alt="Département du Pas-de-Calais"', html), url


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_hosts_and_set_no_cookie(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert third_party_resources(response.content.decode()) == [], url
        assert not response.cookies, url


def test_third_party_detector_catches_external_resources():
    html = (
        '<img src="https://cdn.example.org/a.png" alt=""><link rel="stylesheet" '
        'href="//fonts.example.com/x.css"><a href="https://www.pasdecalais.fr">ok</a>'
    )
    assert third_party_resources(html) == [
        "https://cdn.example.org/a.png",
        "//fonts.example.com/x.css",
    ]


@pytest.mark.django_db
def test_public_pages_carry_security_headers(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "frame-ancestors 'none'" in csp, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"], url


@pytest.mark.django_db
def test_pages_have_no_inline_script(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert "style=" not in html, url


@pytest.mark.django_db
def test_pages_are_in_french(client):
    html = client.get("/").content.decode()
    assert '<html lang="fr">' in html
    assert "Aller au contenu" in html
    assert "Dernières histoires" in html
