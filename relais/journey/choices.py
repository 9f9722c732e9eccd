from django.db import models
from django.utils.translation import gettext_lazy as _


class TerritoryKind(models.TextChoices):
    INTERCOMMUNALITY = "intercommunality", _("Intercommunality")
    COMMUNE = "commune", _("Commune")
