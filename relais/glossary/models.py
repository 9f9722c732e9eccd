from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from relais.core.text import sort_key

from .linking import fold

DEFINITION_MAX_LENGTH = 600


def lines(text):
    """Return the non-blank lines of a text, stripped, each once."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class GlossaryTerm(models.Model):
    """A word of the social and solidarity economy, explained in plain French.

    Its synonyms and forms (plurals, variants) are written one per line; the term, its
    synonyms and its forms are all linked to the definition in texts.
    """

    term = models.CharField(_("term"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    definition = models.TextField(
        _("definition"),
        max_length=DEFINITION_MAX_LENGTH,
        validators=[MaxLengthValidator(DEFINITION_MAX_LENGTH)],
        help_text=_("Plain text, one to three short sentences."),
    )
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_("One per line; shown with the definition and linked in texts."),
    )
    forms = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_("Plurals and variants, one per line; linked in texts, not shown."),
    )
    # The term as a French reader files it (accents and case ignored): the order of lists.
    sort_name = models.CharField(max_length=80, editable=False, db_index=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("synonyms"),
        FieldPanel("forms"),
    ]

    class Meta:
        ordering = ["sort_name", "term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(self.term)[0][:80]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{reverse('glossary:index')}#{self.slug}"

    @property
    def synonym_list(self):
        return lines(self.synonyms)

    @property
    def form_list(self):
        return lines(self.forms)

    def all_forms(self):
        """Return every way the term is written: itself, its synonyms and its forms."""
        return list(dict.fromkeys([self.term, *self.synonym_list, *self.form_list]))

    @property
    def letter(self):
        """Return the letter the term is filed under in the alphabet ("É" under "E")."""
        return (self.sort_name[:1] or "#").upper()

    def clean(self):
        """Refuse a form another term already uses: a text could not say which one it is."""
        super().clean()
        mine = {fold(form): form for form in self.all_forms()}
        for other in GlossaryTerm.objects.exclude(pk=self.pk):
            shared = [mine[f] for f in map(fold, other.all_forms()) if f in mine]
            if shared:
                raise ValidationError(
                    _("“%(form)s” is already a form of “%(term)s”."),
                    params={"form": shared[0], "term": other.term},
                )
