from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PacksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "relais.packs"
    verbose_name = _("Content packs")
