"""The self-diagnostic as data: ordered questions, their answers and what each answer says.

An answer carries points on the dimensions (see choices.Dimension) and may also say the
person's theme, territory or stage: "De quoi parle votre idée ?" answered "Alimentation"
gives no points, but chooses the stories, cards and ambassadors of the result.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .choices import Dimension

MAX_POINTS = 3
TOKEN_MAX_LENGTH = 64


class DiagnosticQuestion(ClusterableModel):
    """One question of the diagnostic, asked in the editors' order."""

    slug = models.SlugField(
        _("slug"),
        max_length=40,
        unique=True,
        help_text=_("A short name for the question; it appears in the address of results."),
    )
    text = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(
        _("short help"),
        max_length=300,
        blank=True,
        help_text=_("One short sentence that helps to answer, in plain words."),
    )
    glossary_term = models.ForeignKey(
        "glossary.GlossaryTerm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("word explained in the glossary"),
        help_text=_("A word of the question that newcomers may not know."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("text"),
        FieldPanel("slug"),
        FieldPanel("help_text"),
        FieldPanel("glossary_term"),
        FieldPanel("sort_order"),
        InlinePanel("answers", label=_("Answers"), min_num=2),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("diagnostic question")
        verbose_name_plural = _("diagnostic questions")

    def __str__(self):
        return self.text


class DiagnosticAnswer(Orderable):
    """A possible answer: its points on each dimension, and what it says of the person."""

    question = ParentalKey(DiagnosticQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.SlugField(
        _("short name"),
        max_length=40,
        help_text=_("Unique within the question; it appears in the address of results."),
    )
    label = models.CharField(_("answer"), max_length=200)
    collectif = models.PositiveSmallIntegerField(
        Dimension.COLLECTIVE.label, default=0, validators=[MaxValueValidator(MAX_POINTS)]
    )
    valeurs = models.PositiveSmallIntegerField(
        Dimension.VALUES.label, default=0, validators=[MaxValueValidator(MAX_POINTS)]
    )
    ancrage = models.PositiveSmallIntegerField(
        Dimension.LOCAL.label, default=0, validators=[MaxValueValidator(MAX_POINTS)]
    )
    maturite = models.PositiveSmallIntegerField(
        Dimension.MATURITY.label, default=0, validators=[MaxValueValidator(MAX_POINTS)]
    )
    budget = models.PositiveSmallIntegerField(
        Dimension.BUDGET.label, default=0, validators=[MaxValueValidator(MAX_POINTS)]
    )
    calendrier = models.PositiveSmallIntegerField(
        Dimension.CALENDAR.label, default=0, validators=[MaxValueValidator(MAX_POINTS)]
    )
    theme = models.ForeignKey(
        "journey.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gives the theme"),
    )
    territory = models.ForeignKey(
        "journey.Territory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gives the territory"),
    )
    stage = models.ForeignKey(
        "journey.Stage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gives the stage"),
    )

    # A blocker said plainly on the result (e.g. "for profit" does not fit the Budget citoyen).
    # Data rather than code: editors word it, and another programme's pack may have other ones.
    warning = models.TextField(
        _("warning on the result"),
        max_length=500,
        blank=True,
        help_text=_(
            "Only for an answer that blocks the project: say it kindly, in plain words, "
            "with what to do. Shown near the top of the result."
        ),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("value"),
        FieldPanel("warning"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("collectif"), FieldPanel("valeurs")]),
                FieldRowPanel([FieldPanel("ancrage"), FieldPanel("maturite")]),
                FieldRowPanel([FieldPanel("budget"), FieldPanel("calendrier")]),
            ],
            heading=_("Points (0 to 3)"),
        ),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("territory"), FieldPanel("stage")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "value"], name="diagnostic_answer_value_unique"
            )
        ]

    def __str__(self):
        return self.label

    def points(self):
        """Return {dimension: points} for the dimensions this answer counts on."""
        return {d: getattr(self, d) for d in Dimension.values if getattr(self, d)}

    def clean(self):
        given = [f for f in ("theme", "territory", "stage") if getattr(self, f"{f}_id")]
        if len(given) > 1:
            raise ValidationError(_("An answer gives a theme, a territory or a stage: one only."))


class KeptPath(models.Model):
    """A path a person chose to keep: their answers under an unguessable link, nothing else.

    No name, no address: whoever has the link sees the path and may delete it.
    """

    token = models.CharField(max_length=TOKEN_MAX_LENGTH, unique=True)
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kept path")
        verbose_name_plural = _("kept paths")

    def __str__(self):
        return f"{self.token[:6]}…"
