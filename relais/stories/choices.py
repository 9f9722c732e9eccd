from django.db import models
from django.utils.translation import gettext_lazy as _


class TipKind(models.TextChoices):
    TIP = "astuce", _("Tip")
    PITFALL = "piege", _("Pitfall to avoid")
    GOOD_DEAL = "bon-plan", _("Good deal")
