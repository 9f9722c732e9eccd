"""Private storage: originals and unpublished media are never reachable from a public URL."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    """Return the private storage; a callable, so migrations do not record a local path."""
    return FileSystemStorage(location=settings.RELAIS_PRIVATE_MEDIA_ROOT, base_url=None)
