"""Private storage: originals and unpublished media are never reachable from a public URL."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

PRIVATE_STORAGE_ALIAS = "private"


class PrivateStorage(LazyObject):
    """The storage of ``STORAGES["private"]``, looked up when first used.

    Model fields keep the storage object they were given when the models were imported;
    this stands in for it, like Django's ``default_storage``, so that the backend follows
    the settings (a local folder, or a private bucket: see ``relais.media.storage``).
    """

    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


_private_storage = PrivateStorage()


def private_storage():
    """Return the private storage; a callable, so migrations do not record a backend."""
    return _private_storage


@receiver(setting_changed)
def follow_storages_setting(*, setting, **kwargs):
    """Use the new backend when tests override STORAGES (Django resets its own cache too)."""
    if setting == "STORAGES":
        _private_storage._wrapped = empty
