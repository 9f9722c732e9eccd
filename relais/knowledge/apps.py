from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "relais.knowledge"
    verbose_name = _("Knowledge cards")

    def ready(self):
        from . import cache_rules, signals  # noqa: F401
