from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "relais.knowledge"
    verbose_name = _("Knowledge cards")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import cache_rules, signals  # noqa: F401
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles)  # after every app: permissions exist by the end
