"""Deployment checks: private media must be reachable from every app server."""

from django.core.checks import Warning, register
from django.core.files.storage import FileSystemStorage, default_storage

from .storage import private_storage


@register(deploy=True)
def private_media_follow_public_media(app_configs, **kwargs):
    """Warn when public media are in a bucket but private media stay on one machine's disk.

    Media go to object storage to run several app servers; each of them must then reach
    the originals too, which a local folder does not give without a shared volume.
    """
    public_local = isinstance(default_storage, FileSystemStorage)
    private_local = isinstance(private_storage(), FileSystemStorage)
    if public_local or not private_local:
        return []
    return [
        Warning(
            "Public media are in a bucket, but testimonies' private media are on this "
            "machine's disk (RELAIS_PRIVATE_MEDIA_ROOT).",
            hint="Set RELAIS_PRIVATE_STORAGE_BUCKET to a private bucket, or mount one "
            "shared volume at RELAIS_PRIVATE_MEDIA_ROOT on every app server.",
            id="relais.W001",
        )
    ]
