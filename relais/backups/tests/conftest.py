import pytest

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage


@pytest.fixture
def media_roots(settings, tmp_path):
    """Both media folders, new and empty for the test: (public, private)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RELAIS_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT, settings.RELAIS_PRIVATE_MEDIA_ROOT


def private_storage():
    return FileSystemStorage(location=django_settings.RELAIS_PRIVATE_MEDIA_ROOT)


@pytest.fixture
def stored_files(media_roots):
    """A public image and two private files, in folders as the site makes them."""
    default_storage.save("original_images/jardin.png", ContentFile(b"\x89PNG public image"))
    private = private_storage()
    private.save("collect/7/3f2a", ContentFile(b"private recording bytes"))
    private.save("collect/7/3f2a.vignette.jpg", ContentFile(b"private thumbnail"))
    return media_roots
