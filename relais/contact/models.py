"""What is kept of the questions sent to ambassadors: how many, per month, never their words."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from relais.journey.models import Ambassador


class QuestionCount(models.Model):
    """The number of questions relayed to one ambassador in one month (for the indicators)."""

    ambassador = models.ForeignKey(
        Ambassador,
        on_delete=models.CASCADE,
        related_name="question_counts",
        verbose_name=_("ambassador"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(_("questions relayed"), default=0)

    class Meta:
        ordering = ["-month", "ambassador__display_name"]
        verbose_name = _("questions to an ambassador in a month")
        verbose_name_plural = _("questions to ambassadors")
        constraints = [
            models.UniqueConstraint(
                fields=["ambassador", "month"], name="contact_one_count_per_ambassador_month"
            )
        ]

    def __str__(self):
        return f"{self.ambassador} – {self.month:%Y-%m} : {self.count}"
