from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel: legal pages, funder mention, security and page cache; imports no other app."""

    name = "relais.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import signals  # noqa: F401 - connects the cache invalidation receivers
