"""Ideas sent by visitors, and the questions-and-answers published from them (the FAQ).

An idea is personal data (its text, and the name and address left with it): it is shown
to editors only. Its words reach a public page only when the visitor agreed to it, through
a FAQ entry or a knowledge card an editor writes from it.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relais.core.models import ExampleMixin

from .choices import IdeaKind, IdeaStatus

IDEA_MAX_LENGTH = 2000
QUESTION_MAX_LENGTH = 300
ANSWER_MAX_LENGTH = 4000


class Idea(models.Model):
    """What a visitor wrote in the idea box, with their choice about publication."""

    kind = models.CharField(_("kind"), max_length=10, choices=IdeaKind, default=IdeaKind.IDEA)
    text = models.TextField(
        _("text"), max_length=IDEA_MAX_LENGTH, validators=[MaxLengthValidator(IDEA_MAX_LENGTH)]
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(pgettext_lazy("idea box", "email address"), blank=True)
    consent_to_publish = models.BooleanField(
        _("agrees to publication"),
        default=False,
        help_text=_("Without it, the idea may be answered privately but never published."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=IdeaStatus, default=IdeaStatus.NEW, db_index=True
    )
    answer = models.TextField(
        pgettext_lazy("idea box", "answer"), blank=True, max_length=ANSWER_MAX_LENGTH
    )
    card = models.ForeignKey(
        "knowledge.KnowledgeCard",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("knowledge card"),
    )
    created_at = models.DateTimeField(pgettext_lazy("idea box", "received"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = pgettext_lazy("idea box", "idea")
        verbose_name_plural = pgettext_lazy("idea box", "ideas")

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 60 else f"{text[:59]}…"

    @property
    def publishable(self):
        return self.consent_to_publish


def unique_faq_slug(question):
    """Return a slug made from a question that no other entry uses."""
    base = slugify(question)[:100].strip("-") or "question"
    candidate, number = base, 1
    while FaqEntry.objects.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class FaqQuerySet(models.QuerySet):
    def public(self):
        """Return the entries visitors may see."""
        return self.filter(published=True)


class FaqEntry(ExampleMixin, models.Model):
    """A question with its answer on the public FAQ page, under a stage of the programme."""

    question = models.CharField(_("question"), max_length=QUESTION_MAX_LENGTH)
    answer = models.TextField(
        pgettext_lazy("idea box", "answer"),
        max_length=ANSWER_MAX_LENGTH,
        validators=[MaxLengthValidator(ANSWER_MAX_LENGTH)],
        help_text=_("Plain text; leave an empty line between paragraphs."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("The end of the entry's address on the FAQ page; made from the question."),
    )
    stage = models.ForeignKey(
        "journey.Stage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faq_entries",
        verbose_name=_("stage"),
        help_text=_("Leave empty for a general question."),
    )
    published = models.BooleanField(_("published"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    source_idea = models.ForeignKey(
        Idea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faq_entries",
        verbose_name=_("idea it answers"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FaqQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = pgettext_lazy("idea box", "FAQ entry")
        verbose_name_plural = pgettext_lazy("idea box", "FAQ entries")

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_faq_slug(self.question)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{reverse('ideas:faq')}#{self.anchor}"

    @property
    def anchor(self):
        """Return the id of the entry on the FAQ page (prefixed: no clash with the page's)."""
        return f"faq-{self.slug}"
