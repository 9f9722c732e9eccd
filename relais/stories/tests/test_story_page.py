"""A story page shows its blocks accessibly: alt texts, native audio player, transcript."""

import re
from io import BytesIO

import pytest
from PIL import Image as PillowImage

from django.core.files.images import ImageFile

from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model

from relais.core.blocks import ImageWithAltBlock
from relais.journey.tests.factories import LaureateProjectFactory
from relais.stories.models import StoryPage
from relais.stories.tests.factories import AudioCapsuleFactory, StoryPageFactory


@pytest.fixture
def audio_story(story_index):
    capsule = AudioCapsuleFactory(
        transcript="On a commencé à trois voisines.\nPuis tout le quartier a suivi.",
        chapters=[("0:00", "L'idée"), ("1:05", "Le porte-à-porte"), ("2:20", "Le vote")],
    )
    return StoryPageFactory(parent=story_index, body=[("audio", {"capsule": capsule})])


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


def library_image():
    """Return an image of the Wagtail library, as an editor would have uploaded it."""
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 48), "#0a4f8a").save(buffer, format="PNG")
    return get_image_model().objects.create(
        title="Jardin", file=ImageFile(buffer, name="jardin.png")
    )


@pytest.mark.django_db
def test_a_story_image_is_shown_with_the_alt_text_its_editor_wrote(client, story_index):
    alt_text = "Des voisins plantent des aromatiques dans l'ancien parking"
    story = StoryPage(title="Le jardin", intro="Un jardin partagé.", body=[])
    story.body = [("image", {"image": library_image(), "alt_text": alt_text, "caption": ""})]
    story_index.add_child(instance=story)
    html = client.get(story.url).content.decode()
    images = re.findall(r'<img[^>]*class="figure__image"[^>]*>', html)
    assert len(images) == 1
    assert f'alt="{alt_text}"'.replace("'", "&#x27;") in images[0]


@pytest.mark.django_db
@pytest.mark.parametrize("alt_text", ["", "   "])
def test_image_block_refuses_an_image_without_alt_text(alt_text):
    """The editor is told on the alternative text field itself, not elsewhere in the block."""
    block = ImageWithAltBlock()
    value = {"image": library_image().pk, "alt_text": alt_text, "caption": "", "credit": ""}
    with pytest.raises(StructBlockValidationError) as refusal:
        block.clean(block.to_python(value))
    assert list(refusal.value.block_errors) == ["alt_text"]


@pytest.mark.django_db
def test_story_links_its_project_and_stages(client, story_index, programme, stages):
    project = LaureateProjectFactory(programme=programme)
    story = StoryPageFactory(parent=story_index, project=project, stages=stages[:2])
    html = client.get(story.url).content.decode()
    assert story.project.get_absolute_url() in html
    for stage in story.stages.all():
        assert stage.get_absolute_url() in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "label"),
    [("astuce", "Astuce"), ("piege", "Piège à éviter"), ("bon-plan", "Bon plan")],
)
def test_a_tip_card_names_its_kind_in_french(client, story_index, kind, label):
    tip = {"kind": kind, "title": "Venez au comptoir", "text": "On y apprend tout."}
    story = StoryPage(title="Le comptoir", intro="Une permanence.", body=[("tip", tip)])
    story_index.add_child(instance=story)
    html = client.get(story.url).content.decode()
    assert f'<p class="tip__kind">{label}</p>' in html


@pytest.mark.django_db
def test_an_example_story_is_visibly_marked_as_such(client, story_index):
    example = StoryPageFactory(parent=story_index, is_example=True)
    real = StoryPageFactory(parent=story_index)
    assert "Exemple fictif" in client.get(example.url).content.decode()
    assert "Exemple fictif" not in client.get(real.url).content.decode()


@pytest.mark.django_db
def test_unpublished_story_is_not_public(client, story_index):
    story = StoryPageFactory(parent=story_index)
    assert client.get(story.url).status_code == 200  # now kept per content version
    story.unpublish()
    assert client.get(story.url).status_code == 404


@pytest.mark.django_db
def test_a_story_in_a_private_section_asks_visitors_to_sign_in(client, story_index):
    """Wagtail's view restrictions still hold: the story is neither shown nor listed."""
    from wagtail.models import PageViewRestriction

    story = StoryPageFactory(parent=story_index, title="Histoire réservée")
    client.get(story.url)  # the site tree is now in the content cache
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(story.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/")  # Wagtail's sign-in for private pages
    assert "Histoire réservée" not in client.get(story_index.url).content.decode()
