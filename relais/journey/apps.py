from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneyConfig(AppConfig):
    """The programme as data: stages, themes, territories, laureate projects, ambassadors."""

    name = "relais.journey"
    label = "journey"
    verbose_name = _("Programme and journey")
