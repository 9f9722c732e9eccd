from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectConfig(AppConfig):
    """Ambassadors tell their experience: interview grid, media, consent, editorial workflow."""

    name = "relais.collect"
    label = "collect"
    verbose_name = _("Collecting testimonies")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import (
            checks,  # noqa: F401 - registers the deployment checks
            erasure_log,  # noqa: F401 - does erasures again after a restore
            signals,  # noqa: F401 - marks testimonies published with their story
        )
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles)  # after every app: permissions exist by the end
