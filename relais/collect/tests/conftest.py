"""Fixtures for the contributor space: the roles of the permission matrix and media."""

import subprocess
from io import BytesIO

import pytest
from PIL import Image

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from relais.collect.accounts import AMBASSADORS_GROUP, FUNDERS_GROUP
from relais.collect.models import Testimony


@pytest.fixture(autouse=True)
def fresh_cache():
    """Sign-in counters live in the cache: every test starts with none."""
    cache.clear()


def make_user(email, group=None, **extra):
    user = get_user_model().objects.create_user(email, email, "motdepasse-solide-42", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def ambassador_a(db):
    return make_user("a@example.org", AMBASSADORS_GROUP, first_name="Alice")


@pytest.fixture
def ambassador_b(db):
    return make_user("b@example.org", AMBASSADORS_GROUP, first_name="Bruno")


@pytest.fixture
def editor(db):
    return make_user("editrice@example.org", "Moderators")  # Wagtail group that may publish


@pytest.fixture
def funder(db):
    return make_user("financeur@example.org", FUNDERS_GROUP)


@pytest.fixture
def testimony_a(ambassador_a):
    return Testimony.objects.create(owner=ambassador_a, title="Le témoignage d'Alice")


@pytest.fixture
def png_upload():
    buffer = BytesIO()
    Image.new("RGB", (64, 48), "#0a4f8a").save(buffer, format="PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture(scope="session")
def speech_bytes():
    """Two seconds of French speech, encoded as Opus in WebM as a browser recorder would."""
    wav = subprocess.run(  # noqa: S603
        ["espeak-ng", "-v", "fr", "--stdout", "Bonjour, je raconte mon projet."],  # noqa: S607
        capture_output=True,
        check=True,
    ).stdout
    return subprocess.run(  # noqa: S603
        ["ffmpeg", "-v", "error", "-i", "pipe:0", "-c:a", "libopus", "-f", "webm", "pipe:1"],  # noqa: S607
        input=wav,
        capture_output=True,
        check=True,
    ).stdout


@pytest.fixture
def audio_upload(speech_bytes):
    return SimpleUploadedFile("enregistrement.webm", speech_bytes, content_type="audio/webm")


@pytest.fixture
def roots(settings, tmp_path):
    """Public and private media folders of this test alone: (MEDIA_ROOT, private folder)."""
    media, private = tmp_path / "media", tmp_path / "private"
    settings.MEDIA_ROOT = media
    storages = dict(settings.STORAGES)
    storages["private"] = {**storages["private"], "OPTIONS": {"location": private}}
    settings.STORAGES = storages  # the default and private storages follow
    return media, private
