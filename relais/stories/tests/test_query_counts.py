"""The number of SQL queries per page does not grow with the number of stories."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images.models import Image as ProjectImage

from relais.journey.models import LaureateProject, Stage, Theme
from relais.stories.audio import AudioCapsule
from relais.stories.models import StoryPage


def add_stories(index, count):
    """Add `count` published stories linked to a project, a stage and a theme."""
    project, stage, theme = (
        LaureateProject.objects.first(),
        Stage.objects.first(),
        Theme.objects.first(),
    )
    image = ProjectImage.objects.first()
    capsule = AudioCapsule.objects.first()
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
def test_queries_per_page_do_not_grow_with_stories(client, story_index):
    StoryPage.objects.all().delete()
    stage, theme = add_stories(story_index, 10)
    assert StoryPage.objects.live().count() == 10
    story = StoryPage.objects.live().first()
    project = LaureateProject.objects.first()
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
    add_stories(story_index, 90)
    assert StoryPage.objects.live().count() == 100
    at_100 = {url: count_queries(client, url) for url in urls}
    assert at_100 == at_10
