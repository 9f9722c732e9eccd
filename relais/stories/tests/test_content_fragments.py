"""A story's body, its cards, the menus and the footer are rendered once per content change.

Kept fragments must never show what is not there any more, nor hide from the page cache
what a page shows, nor replace what an editor previews.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from relais.stories.tests.factories import AudioCapsuleFactory, story_with_every_block


@pytest.fixture
def story(story_index):
    capsule = AudioCapsuleFactory(title="Capsule du marché", chapters=[("0:00", "Début")])
    return story_with_every_block(story_index, title="Le marché du samedi", capsule=capsule)


def body_queries(client, url):
    """Return the HTML of the page and whether it read the story's audio capsule."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    read_capsule = any("stories_audiocapsule" in q["sql"] for q in queries.captured_queries)
    return response.content.decode(), read_capsule


@pytest.mark.django_db
def test_a_story_body_is_rendered_once_until_content_changes(client, story):
    html, read_capsule = body_queries(client, story.url)
    assert read_capsule and "Capsule du marché" in html
    again, read_capsule = body_queries(client, story.url)
    assert not read_capsule
    assert again == html
    capsule = story.first_audio_capsule()
    capsule.title = "Capsule du marché couvert"
    capsule.save()
    html, read_capsule = body_queries(client, story.url)
    assert read_capsule and "Capsule du marché couvert" in html


@pytest.mark.django_db
def test_a_page_served_with_a_kept_body_is_made_stale_by_its_capsule(client, settings, story):
    client.get(story.url)  # the body is kept, the page cache is off
    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    client.get(story.url)  # the page is cached with what its kept body declared
    capsule = story.first_audio_capsule()
    capsule.title = "Capsule renommée"
    capsule.save()
    assert "Capsule renommée" in client.get(story.url).content.decode()


@pytest.mark.django_db
def test_a_preview_shows_the_body_being_edited_not_the_kept_one(client, story):
    assert "Tout a commencé dans notre quartier." in client.get(story.url).content.decode()
    story.body = [("text", "<p>Une phrase pas encore publiée.</p>")]
    preview = story.make_preview_request()
    html = preview.render().content.decode() if hasattr(preview, "render") else preview.content
    html = html.decode() if isinstance(html, bytes) else html
    assert "Une phrase pas encore publiée." in html
    assert "Tout a commencé dans notre quartier." not in html
    published = client.get(story.url).content.decode()
    assert "Tout a commencé dans notre quartier." in published
    assert "pas encore publiée" not in published


@pytest.mark.django_db
def test_a_renamed_story_shows_its_new_title_on_every_card(client, story, home):
    assert "Le marché du samedi" in client.get("/histoires/").content.decode()
    story.title = "Le marché du dimanche"
    story.save_revision().publish()
    for url in ("/", "/histoires/"):
        html = client.get(url).content.decode()
        assert "Le marché du dimanche" in html, url
        assert "Le marché du samedi" not in html, url


@pytest.mark.django_db
def test_a_menu_page_knows_it_is_the_current_page(client, story_index, home):
    listing = client.get("/histoires/").content.decode()
    assert '<a href="/histoires/" aria-current="page">' in listing
    assert 'aria-current="page">Histoires' not in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_kept_card_still_escapes_what_an_editor_typed(client, story_index):
    from relais.stories.tests.factories import StoryPageFactory

    StoryPageFactory(parent=story_index, title="Le <b>marché</b>", intro="<script>x()</script>")
    for _ in range(2):  # rendered, then kept
        html = client.get("/histoires/").content.decode()
        assert "Le &lt;b&gt;marché&lt;/b&gt;" in html
        assert "<script>x()" not in html
