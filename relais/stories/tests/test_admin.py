"""Editors manage the programme's data, stories, capsules and the funder mention in Wagtail."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from relais.stories.audio import AudioCapsule
from relais.stories.tests.factories import StoryPageFactory

SNIPPETS = [
    "journey/programme",
    "journey/stage",
    "journey/theme",
    "journey/territory",
    "journey/laureateproject",
    "journey/ambassador",
    "stories/audiocapsule",
]


@pytest.mark.django_db
@pytest.mark.parametrize("snippet", SNIPPETS)
def test_editor_lists_and_opens_each_kind_of_data(admin_client, snippet):
    listing = admin_client.get(f"/admin/snippets/{snippet}/")
    assert listing.status_code == 200
    assert admin_client.get(f"/admin/snippets/{snippet}/add/").status_code == 200


@pytest.mark.django_db
def test_editor_opens_a_story_and_the_funder_settings(admin_client, story_index):
    story = StoryPageFactory(parent=story_index)
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 200
    response = admin_client.get("/admin/settings/core/fundersettings/", follow=True)
    assert response.status_code == 200
    assert "35400" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_cannot_open_the_admin(client):
    response = client.get("/admin/snippets/journey/stage/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_disguised_audio_upload_is_refused_in_french_and_nothing_stored(admin_client):
    before = AudioCapsule.objects.count()
    response = admin_client.post(
        "/admin/snippets/stories/audiocapsule/add/",
        {
            "title": "Capsule piégée",
            "transcript": "Texte saisi à conserver.",
            "file": SimpleUploadedFile("capsule.mp3", b"<html><body>pas un son</body></html>"),
            "chapters-TOTAL_FORMS": "0",
            "chapters-INITIAL_FORMS": "0",
            "chapters-MIN_NUM_FORMS": "0",
            "chapters-MAX_NUM_FORMS": "1000",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "fichier audio lisible" in html
    assert "Texte saisi à conserver." in html
    assert AudioCapsule.objects.count() == before


@pytest.mark.django_db
def test_admin_home_asks_nothing_of_other_hosts(admin_client):
    """The admin shows no Gravatar avatar and never checks releases.wagtail.org for updates."""
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert "releases.wagtail.org" not in html
    # The update check is a script controller that fetches releases.wagtail.org/latest.txt.
    assert 'data-controller="w-upgrade' not in html
