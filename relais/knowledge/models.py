"""Knowledge cards ("savoirs"): what ambassadors learnt, in small pieces with their sources.

A card is public only while at least one source says it: the story passages and testimony
answers it quotes. "Cité par N ambassadeurs" is counted from the sources, never typed.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.search import index

from relais.core.models import ExampleMixin

CARD_BODY_MAX_LENGTH = 600
QUOTE_MAX_LENGTH = 1000


class CardType(models.Model):
    """A kind of card (astuce, piège à éviter, bon plan…); the list is data, not code."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    plural_name = models.CharField(_("plural name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("card type")
        verbose_name_plural = _("card types")

    def __str__(self):
        return self.name


class CardQuerySet(models.QuerySet):
    def public(self):
        """Return the cards visitors may see: published and said by at least one source."""
        return self.filter(live=True, source_count__gt=0)


class KnowledgeCard(index.Indexed, ExampleMixin, ClusterableModel):
    """One piece of know-how, short enough to read on a phone in a few seconds."""

    title = models.CharField(_("title"), max_length=140)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    card_type = models.ForeignKey(
        CardType, on_delete=models.PROTECT, related_name="cards", verbose_name=_("type")
    )
    body = models.TextField(
        _("text"),
        max_length=CARD_BODY_MAX_LENGTH,
        validators=[MaxLengthValidator(CARD_BODY_MAX_LENGTH)],
        help_text=_("At most 600 characters: one idea, said plainly."),
    )
    stages = ParentalManyToManyField(
        "journey.Stage", related_name="cards", verbose_name=_("stages")
    )
    themes = ParentalManyToManyField(
        "journey.Theme", blank=True, related_name="cards", verbose_name=_("themes")
    )
    territory = models.ForeignKey(
        "journey.Territory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cards",
        verbose_name=_("territory"),
    )
    live = models.BooleanField(_("published"), default=True)
    # Kept up to date from the sources (services.refresh_citations), so lists sort on them.
    cited_by = models.PositiveSmallIntegerField(_("cited by"), default=0, editable=False)
    source_count = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CardQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("card_type"),
        index.FilterField("live"),
        index.FilterField("cited_by"),
    ]

    class Meta:
        ordering = ["-cited_by", "title"]
        verbose_name = _("knowledge card")
        verbose_name_plural = _("knowledge cards")
        indexes = [models.Index(fields=["live", "source_count", "-cited_by", "title"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge:card", args=[self.slug])

    @property
    def is_public(self):
        return self.live and self.source_count > 0


class CardSource(models.Model):
    """Where a card comes from: a passage of a story or of a testimony answer, quoted.

    Deleting the story or the answer (a withdrawal) deletes the source and its quote.
    """

    # A ParentalKey, so that editors change a card's sources in its admin form (InlinePanel).
    card = ParentalKey(KnowledgeCard, on_delete=models.CASCADE, related_name="sources")
    story = models.ForeignKey(
        "stories.StoryPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("story"),
    )
    answer = models.ForeignKey(
        "collect.Answer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("testimony answer"),
    )
    ambassador = models.ForeignKey(
        "journey.Ambassador",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ambassador who says it"),
    )
    quote = models.TextField(
        _("quoted words"),
        max_length=QUOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(QUOTE_MAX_LENGTH)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(story__isnull=False, answer__isnull=True)
                    | models.Q(story__isnull=True, answer__isnull=False)
                ),
                name="card_source_is_a_story_or_an_answer",
            )
        ]

    def __str__(self):
        return self.quote[:60]

    def clean(self):
        if bool(self.story_id) == bool(self.answer_id):
            raise ValidationError(_("A source is either a story or a testimony answer."))
        if not self.quote.strip():
            raise ValidationError({"quote": _("Quote the words that say it.")})

    @property
    def from_testimony(self):
        return self.answer_id is not None


class CardRedirect(models.Model):
    """The address of a card merged into another: it answers 301 to the kept card."""

    old_slug = models.SlugField(max_length=140, unique=True)
    card = models.ForeignKey(KnowledgeCard, on_delete=models.CASCADE, related_name="redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.card_id}"
