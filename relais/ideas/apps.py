from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class IdeasConfig(AppConfig):
    """The idea box (ideas, questions, tips from anyone) and the public FAQ built from it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "relais.ideas"
    label = "ideas"
    verbose_name = pgettext_lazy("idea box", "Idea box")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles)  # after every app: permissions exist by the end
