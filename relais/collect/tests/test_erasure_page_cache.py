"""An erasure drops every cached public page, not only those that showed the erased story."""

import pytest

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relais.collect.erasure import scrub_storage


def served_from_cache(client, url):
    """A page served from the cache reads nothing but the change stamps (core_cachetag)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return all("core_cachetag" in query["sql"] for query in queries.captured_queries)


@pytest.mark.django_db
def test_erasure_empties_the_whole_page_cache(client, settings, public_urls):
    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    for url in public_urls:
        client.get(url)
    assert all(served_from_cache(client, url) for url in public_urls)
    scrub_storage()
    assert [url for url in public_urls if served_from_cache(client, url)] == []
    caches["pages"].clear()
