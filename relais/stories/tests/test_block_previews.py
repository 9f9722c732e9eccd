"""Editors see what each block is for and a preview of it in the admin's block chooser."""

import html
import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.images import get_image_model

from relais.core.models import SiteContactSettings, StandardPage
from relais.core.tests.factories import ImageFactory, StandardPageFactory
from relais.journey.models import Stage
from relais.staff.tests.factories import sign_in
from relais.stories.audio import AudioCapsule
from relais.stories.models import StoryPage
from relais.stories.tests.factories import AudioCapsuleFactory, StoryPageFactory

# Text that each block's preview value puts in its preview (kept free of apostrophes,
# which the templates escape).
PREVIEW_TEXT = {
    (StoryPage, "text"): "tout est devenu plus simple",
    (StoryPage, "image"): "Le jardin partagé de la rue des Écoles",
    (StoryPage, "audio"): "Lire la transcription",
    (StoryPage, "quote"): "Le plus dur, c&#x27;est d&#x27;oser déposer son idée.",
    (StoryPage, "tip"): "Chiffrez votre projet avec des devis",
    (StoryPage, "key_figures"): "8 500 €",
    (StoryPage, "timeline"): "Trois voisines imaginent",
    (StandardPage, "text"): "Qui sommes-nous ?",
    (StandardPage, "image"): "Le jardin partagé de la rue des Écoles",
    (StandardPage, "site_contact"): "<dt>Éditeur</dt>",
}


def body_block(model, name):
    return model._meta.get_field("body").stream_block.child_blocks[name]


def preview_url(block):
    return reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"


def chooser_entry(edit_page, block):
    """Return what the edit form tells the block chooser about one block."""
    text = html.unescape(edit_page)
    match = re.search(
        r'"description": ("(?:[^"\\]|\\.)*"), "required": \w+, "icon": "([\w-]+)", '
        rf'"blockDefId": "{block.definition_prefix}", "isPreviewable": (true|false)',
        text,
    )
    assert match, f"{block.name} is not offered in the block chooser"
    description, icon, previewable = match.groups()
    return {"description": json.loads(description), "icon": icon, "previewable": previewable}


@pytest.fixture
def editor(client, db):
    """Sign in a member of Wagtail's Editors group (not a superuser)."""
    user = get_user_model().objects.create_user("redactrice", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    sign_in(client, user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "name"), PREVIEW_TEXT)
def test_editor_sees_the_preview_of_each_block(editor, model, name):
    """The preview page of every body block answers and shows its French sample."""
    response = editor.get(preview_url(body_block(model, name)))
    assert response.status_code == 200
    assert PREVIEW_TEXT[model, name] in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "name"), PREVIEW_TEXT)
def test_block_chooser_offers_an_icon_a_french_description_and_a_preview(
    editor, home, story_index, model, name
):
    """The edit form gives the chooser each block's icon, description (in French) and preview."""
    if model is StoryPage:
        page = StoryPageFactory(parent=story_index)
    else:
        page = StandardPageFactory(parent=home)
    edit_page = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    block = body_block(model, name)
    entry = chooser_entry(edit_page, block)
    assert entry["description"].strip()
    with translation.override("en"):
        assert entry["description"] != str(block.get_description()), "not translated"
    assert entry["icon"] not in ("", "placeholder")
    assert entry["previewable"] == "true"


@pytest.mark.django_db
def test_anonymous_visitors_cannot_see_block_previews(client):
    response = client.get(preview_url(body_block(StoryPage, "quote")))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_audio_preview_plays_a_capsule_of_the_library(editor):
    """When the library has capsules, the preview is the real player of one of them."""
    capsule = AudioCapsuleFactory()
    html_ = editor.get(preview_url(body_block(StoryPage, "audio"))).content.decode()
    assert re.search(r"<audio[^>]+controls", html_)
    assert capsule.file.url in html_


@pytest.mark.django_db
def test_audio_preview_shows_a_sample_capsule_on_an_empty_site(editor):
    """Without any capsule file, the preview shows a sample's chapters and transcript."""
    AudioCapsule.objects.update(file="")
    html_ = editor.get(preview_url(body_block(StoryPage, "audio"))).content.decode()
    assert "Comment on a convaincu tout le quartier" in html_
    assert "Le porte-à-porte" in html_
    assert "Lire la transcription" in html_
    assert "<audio" not in html_


@pytest.mark.django_db
def test_image_preview_shows_a_wide_photo_of_the_library(editor):
    """A wide image of the library stands for the editor's photo, with the sample's alt text."""
    ImageFactory(size=(960, 600))
    html_ = editor.get(preview_url(body_block(StoryPage, "image"))).content.decode()
    assert re.search(r'<img alt="Des habitants plantent des aromatiques[^"]*"[^>]*src=', html_)


@pytest.mark.django_db
def test_image_preview_draws_a_placeholder_on_an_empty_site(editor):
    """Without a wide image in the library, a drawn image carries the sample's alt text."""
    get_image_model().objects.update(width=100)
    html_ = editor.get(preview_url(body_block(StandardPage, "image"))).content.decode()
    assert "<img" not in html_
    assert re.search(r'<svg[^>]+role="img" aria-label="Des habitants plantent', html_)
    assert "Le jardin partagé de la rue des Écoles" in html_


@pytest.mark.django_db
def test_site_contact_preview_says_where_to_fill_the_details_on_an_empty_site(editor):
    SiteContactSettings.objects.update(publisher_name="")
    html_ = editor.get(preview_url(body_block(StandardPage, "site_contact"))).content.decode()
    assert "Paramètres › Coordonnées et mentions légales s'affichent ici" in html_


@pytest.mark.django_db
def test_timeline_preview_needs_no_stage_in_the_database(editor):
    """The sample journey names sample stages, even before any programme is entered."""
    Stage.objects.all().delete()
    html_ = editor.get(preview_url(body_block(StoryPage, "timeline"))).content.decode()
    assert "Vote des habitants" in html_
    assert "Février 2024" in html_
