"""The dimensions an idea is judged on, with their French labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    """What an idea needs to be ready for the programme.

    Fixed choices rather than a model: each dimension is a column of points on every answer
    (simple to fill in the admin) and has its own advice in the result, written in code.
    Editors change the questions, answers and points freely; a new dimension needs a new
    column and new advice, so it is a code change anyway.
    """

    COLLECTIVE = "collectif", _("Working together")
    VALUES = "valeurs", _("The values of the ESS")
    LOCAL = "ancrage", _("Local roots")
    MATURITY = "maturite", _("Maturity of the project")
    BUDGET = "budget", _("Budget")
    CALENDAR = "calendrier", _("Calendar")
