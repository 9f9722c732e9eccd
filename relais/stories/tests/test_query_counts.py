"""The number of SQL queries per page does not grow with the number of stories."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from relais.core.tests.factories import ImageFactory
from relais.journey.tests.factories import LaureateProjectFactory, ThemeFactory
from relais.stories.models import StoryPage
from relais.stories.tests.factories import AudioCapsuleFactory


@pytest.fixture
def links(programme, stages):
    """A project, a stage, a theme, an image and a capsule that every story links to."""
    return {
        "project": LaureateProjectFactory(programme=programme),
        "stage": stages[0],
        "theme": ThemeFactory(),
        "image": ImageFactory(),
        "capsule": AudioCapsuleFactory(),
    }


def add_stories(index, links, count):
    """Add `count` published stories linked to a project, a stage and a theme."""
    project, stage, theme = links["project"], links["stage"], links["theme"]
    image, capsule = links["image"], links["capsule"]
    for number in range(count):
        story = StoryPage(
            title=f"Histoire de charge {number}",
            intro="Une histoire pour compter les requêtes.",
            project=project,
            listing_image=image,
            body=[
                {"type": "text", "value": "<p>Texte.</p>"},
                {"type": "audio", "value": {"capsule": capsule.pk}},
            ],
        )
        index.add_child(instance=story)
        story.stages.set([stage])
        story.themes.set([theme])
        story.save()
    return stage, theme


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.django_db
def test_queries_per_page_do_not_grow_with_stories(client, story_index, links):
    stage, theme = add_stories(story_index, links, 10)
    assert StoryPage.objects.live().count() == 10
    story = StoryPage.objects.live().first()
    project = links["project"]
    urls = [
        "/",
        "/histoires/",
        f"/histoires/?etape={stage.slug}&theme={theme.slug}",
        "/histoires/?page=2",
        story.url,
        stage.get_absolute_url(),
        project.get_absolute_url(),
    ]
    for url in urls:  # warm-up: create image renditions once
        client.get(url)
    at_10 = {url: count_queries(client, url) for url in urls}
    add_stories(story_index, links, 90)
    assert StoryPage.objects.live().count() == 100
    at_100 = {url: count_queries(client, url) for url in urls}
    assert at_100 == at_10
