from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """The `backup` and `restore` commands; above the kernel, below every content app.

    It has no models, so its name never shows in the admin and needs no translation.
    """

    name = "relais.backups"
    label = "backups"
