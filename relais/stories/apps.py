from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Story pages composed of blocks, the filterable listing and audio capsules."""

    name = "relais.stories"
    label = "stories"
    verbose_name = _("Stories")
