"""A story page shows its blocks accessibly: alt texts, native audio player, transcript."""

import re

import pytest

from django.core.exceptions import ValidationError

from relais.core.blocks import ImageWithAltBlock
from relais.stories.models import StoryPage


@pytest.fixture
def audio_story(db):
    return StoryPage.objects.live().filter(has_audio=True).first()


@pytest.mark.django_db
def test_story_with_audio_has_a_native_player_and_the_transcript(client, audio_story):
    capsule = audio_story.first_audio_capsule()
    html = client.get(audio_story.url).content.decode()
    assert re.search(r"<audio[^>]+controls", html)
    assert capsule.file.url in html
    assert "<summary>Lire la transcription</summary>" in html
    first_words = capsule.transcript.split("\n")[0][:40]
    assert first_words.replace("'", "&#x27;") in html
    assert "Durée" in html


@pytest.mark.django_db
def test_story_shows_chapters_with_timestamps(client, audio_story):
    capsule = audio_story.first_audio_capsule()
    html = client.get(audio_story.url).content.decode()
    for chapter in capsule.chapters.all():
        assert f"#t={chapter.start_seconds}" in html
        assert chapter.start in html


@pytest.mark.django_db
def test_every_image_of_a_story_has_its_alt_text(client):
    for story in StoryPage.objects.live():
        html = client.get(story.url).content.decode()
        for tag in re.findall(r"<img[^>]*>", html):
            assert re.search(r'alt="[^"]*"', tag), tag
        for block in story.body:
            if block.block_type == "image":
                assert f'alt="{block.value["alt_text"]}"'.replace("'", "&#x27;") in html


def test_image_block_refuses_a_missing_alt_text():
    block = ImageWithAltBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": "", "credit": ""}))


@pytest.mark.django_db
def test_story_links_its_project_stages_and_tip_labels(client):
    story = StoryPage.objects.live().exclude(project=None).first()
    html = client.get(story.url).content.decode()
    assert story.project.get_absolute_url() in html
    for stage in story.stages.all():
        assert stage.get_absolute_url() in html
    if any(block.block_type == "tip" for block in story.body):
        assert re.search(r"Astuce|Piège à éviter|Bon plan", html)


@pytest.mark.django_db
def test_demo_story_is_visibly_marked_as_an_example(client):
    story = StoryPage.objects.live().first()
    assert "Exemple fictif" in client.get(story.url).content.decode()


@pytest.mark.django_db
def test_unpublished_story_is_not_public(client):
    story = StoryPage.objects.live().first()
    story.unpublish()
    assert client.get(story.url).status_code == 404
