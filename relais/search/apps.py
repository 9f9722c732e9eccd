from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """French search over every public text of the site (stories, cards, glossary, projects)."""

    name = "relais.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals  # noqa: F401  # connect the index to the content it copies
