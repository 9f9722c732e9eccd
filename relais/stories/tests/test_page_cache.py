"""Cached public pages change at once when a story is published, edited or unpublished."""

import pytest

from relais.stories.models import StoryPage
from relais.stories.tests.factories import StoryPageFactory


@pytest.fixture
def cache_on(settings):
    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.mark.django_db
def test_second_request_is_served_from_cache(client, cache_on, django_assert_max_num_queries):
    client.get("/histoires/")
    with django_assert_max_num_queries(1):
        response = client.get("/histoires/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_editing_a_story_shows_at_once(client, cache_on, story_index):
    story = StoryPageFactory(parent=story_index)
    assert story.title in client.get(story.url).content.decode()
    story.title = "Un titre tout neuf pour cette histoire"
    story.save_revision().publish()
    assert "Un titre tout neuf" in client.get(story.url).content.decode()
    assert "Un titre tout neuf" in client.get("/histoires/").content.decode()


@pytest.mark.django_db
def test_unpublishing_a_story_removes_it_at_once(client, cache_on, story_index):
    story = StoryPageFactory(parent=story_index)
    url = story.url
    assert story.title in client.get("/histoires/").content.decode()
    story.unpublish()
    assert client.get(url).status_code == 404
    assert story.title not in client.get("/histoires/").content.decode()


@pytest.mark.django_db
def test_publishing_a_story_shows_at_once(client, cache_on, story_index):
    client.get("/")
    story = StoryPage(title="Une histoire publiée à l'instant", intro="Résumé.", body=[])
    story_index.add_child(instance=story)
    story.save_revision().publish()
    assert "Une histoire publiée à l&#x27;instant" in client.get("/").content.decode()


@pytest.mark.django_db
def test_signed_in_editors_are_never_served_cached_pages(client, cache_on, admin_user):
    client.get("/")
    client.force_login(admin_user)
    response = client.get("/")
    assert response.status_code == 200
    assert b"wagtail-userbar" in response.content.lower() or b"userbar" in response.content
