import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages


@pytest.fixture
def media_roots(settings, tmp_path):
    """Both media folders, new and empty for the test: (public, private)."""
    public, private = tmp_path / "media", tmp_path / "private"
    settings.MEDIA_ROOT = public
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "relais.media.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": private},
        },
    }
    return public, private


def private_storage():
    return storages["private"]


@pytest.fixture
def stored_files(media_roots):
    """A public image and two private files, in folders as the site makes them."""
    default_storage.save("original_images/jardin.png", ContentFile(b"\x89PNG public image"))
    private = private_storage()
    private.save("collect/7/3f2a", ContentFile(b"private recording bytes"))
    private.save("collect/7/3f2a.vignette.jpg", ContentFile(b"private thumbnail"))
    return media_roots
