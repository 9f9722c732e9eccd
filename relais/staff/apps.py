from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff accounts: a second factor (TOTP, recovery codes) for the Wagtail admin."""

    name = "relais.staff"
    label = "staff"
    verbose_name = _("Staff accounts")
