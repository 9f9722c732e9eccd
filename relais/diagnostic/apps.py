from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosticConfig(AppConfig):
    """The self-diagnostic « Mon idée est-elle prête ? » and the personal path it gives."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "relais.diagnostic"
    label = "diagnostic"
    verbose_name = _("Self-diagnostic")

    def ready(self):
        from . import cache_rules  # noqa: F401
