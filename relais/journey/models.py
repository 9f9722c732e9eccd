"""The programme as data, so that another collectivity can run Relais without code changes."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from .choices import TerritoryKind

YEARS_PATTERN = re.compile(r"^\s*\d{4}(\s*,\s*\d{4})*\s*$")


def validate_year_list(value):
    """Accept a comma-separated list of four-digit years, such as "2019, 2022"."""
    if value and not YEARS_PATTERN.match(value):
        raise ValidationError(_("Enter years separated by commas, for example: 2019, 2022."))


class ExampleMixin(models.Model):
    """Flag demo items so that every page can say they are fictional examples."""

    is_example = models.BooleanField(
        _("fictional example"),
        default=False,
        help_text=_("Shown to visitors as a fictional example (demo content)."),
    )

    class Meta:
        abstract = True


class Programme(models.Model):
    """A participatory budget programme run by a collectivity (e.g. the Budget citoyen)."""

    name = models.CharField(_("name"), max_length=200)
    collectivity = models.CharField(_("collectivity"), max_length=200)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("collectivity"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name


class Stage(Orderable):
    """One ordered step of a programme's journey, from the idea to becoming an ambassador."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="stages", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    short_description = models.CharField(_("short description"), max_length=300)
    typical_period = models.CharField(
        _("typical period"),
        max_length=120,
        blank=True,
        help_text=_("For example: February to April"),
    )
    description = RichTextField(
        _("what happens at this stage"), blank=True, features=["bold", "italic", "link", "ul"]
    )

    panels = [
        FieldPanel("programme"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
        FieldPanel("typical_period"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("journey:stage", args=[self.slug])


class Theme(models.Model):
    """A field of action of a project (culture, food, mobility…)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class Territory(models.Model):
    """An intercommunality or a commune; communes belong to an intercommunality."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=TerritoryKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("intercommunality"),
        limit_choices_to={"kind": TerritoryKind.INTERCOMMUNALITY},
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("parent")]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")

    def __str__(self):
        return self.name


class LaureateProject(index.Indexed, ExampleMixin, ClusterableModel):
    """A project carried by inhabitants or a structure, with its editions of the programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="projects", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    carrier = models.CharField(_("carrier structure"), max_length=200)
    commune = models.ForeignKey(
        Territory,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("commune"),
        limit_choices_to={"kind": TerritoryKind.COMMUNE},
    )
    themes = ParentalManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    short_description = models.TextField(_("short description"), max_length=600)

    panels = [
        FieldPanel("programme"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("carrier"),
        FieldPanel("commune"),
        FieldPanel("themes"),
        FieldPanel("short_description"),
        InlinePanel("editions", label=_("Editions of the programme"), min_num=1),
        FieldPanel("is_example"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("short_description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("laureate project")
        verbose_name_plural = _("laureate projects")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("journey:project", args=[self.slug])


class ProjectEdition(Orderable):
    """One year a project took part in the programme: labelled or not, amount received."""

    project = ParentalKey(LaureateProject, on_delete=models.CASCADE, related_name="editions")
    year = models.PositiveSmallIntegerField(_("edition year"))
    labelled = models.BooleanField(_("labelled"), default=True)
    amount = models.DecimalField(
        _("amount received (€)"), max_digits=9, decimal_places=0, null=True, blank=True
    )

    panels = [FieldPanel("year"), FieldPanel("labelled"), FieldPanel("amount")]

    class Meta(Orderable.Meta):
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self):
        return f"{self.project} ({self.year})"


class Ambassador(ExampleMixin, models.Model):
    """A past laureate who passes on their experience; public only if they opt in."""

    display_name = models.CharField(_("display name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    structure = models.CharField(_("structure"), max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    photo_alt = models.CharField(
        _("photo alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it. Required with a photo."),
    )
    years_labelled = models.CharField(
        _("years labelled"), max_length=100, blank=True, validators=[validate_year_list]
    )
    bio = models.TextField(_("short portrait"), blank=True, max_length=2000)
    public_profile = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_("The ambassador agreed to have a public portrait page."),
    )
    projects = models.ManyToManyField(
        LaureateProject, blank=True, related_name="ambassadors", verbose_name=_("projects")
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ambassador_profile",
        verbose_name=_("contributor account"),
    )

    panels = [
        FieldPanel("display_name"),
        FieldPanel("slug"),
        FieldPanel("structure"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")),
        FieldPanel("years_labelled"),
        FieldPanel("bio"),
        FieldPanel("projects"),
        FieldPanel("account"),
        FieldPanel("public_profile"),
        FieldPanel("is_example"),
    ]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("ambassador")
        verbose_name_plural = _("ambassadors")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("journey:ambassador", args=[self.slug])

    def clean(self):
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": _("Describe the photo: alternative text is required.")}
            )
