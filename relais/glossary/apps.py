from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    """The ESS glossary: terms, their definitions, and the links from texts to them."""

    name = "relais.glossary"
    label = "glossary"
    verbose_name = _("Glossary")
