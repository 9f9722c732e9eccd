"""Private storage: originals and unpublished media are never reachable from a public URL."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=settings.RELAIS_PRIVATE_MEDIA_ROOT, base_url=None
        )


private_storage = PrivateStorage()
