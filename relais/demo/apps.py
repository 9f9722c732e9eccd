from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The fictional demo on top of every app: its content, drawings, speech and commands.

    It has no models, so its name never shows in the admin and needs no translation.
    """

    name = "relais.demo"
    label = "demo"
