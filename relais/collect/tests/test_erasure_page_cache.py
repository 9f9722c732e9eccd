"""An erasure drops every cached public page, not only those that showed the erased story."""

from dataclasses import replace

import pytest

from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from relais.collect.erasure import scrub_storage
from relais.core.content_cache import content_version
from relais.core.page_store import PageStore
from relais.stories.tests.factories import StoryPageFactory


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


@pytest.mark.django_db
def test_after_an_erasure_no_worker_serves_a_page_it_still_holds(client, settings, story_index):
    """Another worker's own memory keeps its copy: the new epoch in the database voids it."""
    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    client.get("/histoires/")
    key = PageStore(RequestFactory().get("/histoires/")).key("page")
    held = caches["pages"].get(key)
    assert held is not None and served_from_cache(client, "/histoires/")
    scrub_storage()
    caches["pages"].set(key, held)  # as a worker that did not run the erasure still has it
    assert not served_from_cache(client, "/histoires/")
    caches["pages"].clear()


@pytest.mark.django_db
def test_after_an_erasure_no_worker_reuses_a_story_card_it_still_holds(client, story_index):
    """Cards and bodies are kept per content version: an erasure leaps to a version no
    worker has used, even one restored from a backup."""
    story = StoryPageFactory(parent=story_index, title="Le potager des Tilleuls")
    caches["pages"].clear()
    client.get("/histoires/")
    key = f"story-card:{content_version()}:{story.pk}"
    held = caches["pages"].get(key)
    assert held is not None and held.title == "Le potager des Tilleuls"
    scrub_storage()
    # As a worker that did not run the erasure still holds it, with words since erased:
    caches["pages"].set(key, replace(held, html="<p>Des mots effacés</p>"))
    page = client.get("/histoires/").content.decode()
    assert "Des mots effacés" not in page
    assert "Le potager des Tilleuls" in page
    caches["pages"].clear()
