from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Home and story pages, the filterable listing, audio capsules and the pages that show them."""

    name = "relais.stories"
    label = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from .cache_rules import register_rules

        register_rules()
