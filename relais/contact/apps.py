from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "relais.contact"
    verbose_name = _("Questions to ambassadors")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .roles import ensure_roles

        post_migrate.connect(ensure_roles)  # after every app: permissions exist by the end
