"""The menu, the footer and the site's programme are computed once, until content changes."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from relais.core.tests.factories import StandardPageFactory


@pytest.fixture
def about(home):
    StandardPageFactory(parent=home, title="Mentions légales", slug="mentions-legales")
    return StandardPageFactory(parent=home, title="À propos", slug="a-propos", show_in_menus=True)


def serve(client, url):
    """Return the page's HTML and the SQL of the queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [query["sql"] for query in queries]


@pytest.mark.django_db
def test_a_page_served_again_reads_only_the_content_version(client, about):
    """Menu, footer, funder, programme, site and page: all kept from the first request."""
    serve(client, about.url)
    html, queries = serve(client, about.url)
    assert '<li><a href="/a-propos/" aria-current="page">À propos</a></li>' in html
    assert '<li><a href="/mentions-legales/">Mentions légales</a></li>' in html
    assert "Et maintenant ?" in html  # the programme's next steps
    assert 'alt="Département du Pas-de-Calais"' in html  # the funder's logo
    assert len(queries) == 1
    assert "core_contentgeneration" in queries[0]


@pytest.mark.django_db
def test_publishing_a_page_shows_it_in_the_menu_at_once(client, home, about):
    serve(client, about.url)
    contact = StandardPageFactory(parent=home, title="Contact", slug="contact", show_in_menus=True)
    html, _ = serve(client, about.url)
    assert '<li><a href="/contact/">Contact</a></li>' in html
    contact.unpublish()
    html, _ = serve(client, about.url)
    assert "/contact/" not in html
    _, queries = serve(client, about.url)
    assert len(queries) == 1  # computed again once, then kept


@pytest.mark.django_db
def test_a_value_not_worth_keeping_is_computed_every_time():
    """A story route keeps stories found, never unknown addresses (they would fill the cache)."""
    from relais.core.content_cache import cached_for_content

    calls = []

    def build():
        calls.append(1)
        return None

    for _ in range(2):
        assert cached_for_content("kept-test", build, keep=lambda value: value is not None) is None
    cached_for_content("kept-test-2", lambda: calls.append(1) or "found")
    cached_for_content("kept-test-2", lambda: calls.append(1) or "found")
    assert len(calls) == 3
