"""Storages of private media (testimonies' originals): files that never get a URL.

Relais serves them only through its own permission-checked views (``relais.media.private``);
a URL to one would be a way around those checks, so asking for it is a programming error.
The backend is chosen by ``STORAGES["private"]`` in the settings: a local folder by default,
or a bucket of its own on S3-compatible storage, so that several app servers share them.
"""

from storages.backends.s3 import S3Storage

from django.core.files.storage import FileSystemStorage


class NoURLMixin:
    def url(self, name, *args, **kwargs):
        """Refuse: a private file is served by a view that checks who asks, never linked to."""
        raise NotImplementedError(
            "Private media have no URL: serve them through a permission-checked view."
        )


class PrivateFileSystemStorage(NoURLMixin, FileSystemStorage):
    """Private media in a local folder, outside MEDIA_ROOT (one machine, or a shared volume)."""


class PrivateS3Storage(NoURLMixin, S3Storage):
    """Private media in a bucket that allows no anonymous read.

    No ACL is sent with uploads: objects are then private, and buckets whose ACLs are
    disabled (S3 Object Ownership "bucket owner enforced") refuse any other ACL anyway.
    """

    default_acl = None
    querystring_auth = True  # should a URL ever be made by a subclass, it is signed
    querystring_expire = 60
    custom_domain = None  # never the public media host
