"""The programme as data, so that another collectivity can run Relais without code changes."""

import re
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from relais.core.models import ExampleMixin

from .choices import TerritoryKind

YEARS_PATTERN = re.compile(r"^\s*\d{4}(\s*,\s*\d{4})*\s*$")


def validate_year_list(value):
    """Accept a comma-separated list of four-digit years, such as "2019, 2022"."""
    if value and not YEARS_PATTERN.match(value):
        raise ValidationError(_("Enter years separated by commas, for example: 2019, 2022."))


def validate_link(value):
    """Accept a web address or a path on this site (such as /contribuer/)."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class Programme(ClusterableModel):
    """A participatory budget programme run by a collectivity (e.g. the Budget citoyen).

    Besides its description, it holds what a newcomer needs to act: where to apply, whom to
    ask, and the dates of the current edition. Every public page points to them.
    """

    name = models.CharField(_("name"), max_length=200)
    collectivity = models.CharField(_("collectivity"), max_length=200)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    website = models.URLField(_("website"), blank=True)
    application_url = models.URLField(
        _("application platform"),
        blank=True,
        help_text=_("Where newcomers register their idea and apply (the programme's platform)."),
    )
    application_label = models.CharField(
        _("application link text"),
        max_length=120,
        blank=True,
        help_text=_("For example: Propose my idea on the Budget citoyen platform"),
    )
    contact_name = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Who answers newcomers' questions and passes them on to the ambassadors."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_url = models.URLField(_("contact page"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("collectivity"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("application_url"), FieldPanel("application_label")],
            heading=_("Applying"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_url"),
            ],
            heading=_("Contact for newcomers"),
        ),
        InlinePanel(
            "dates",
            label=_("Dates of the current edition"),
            help_text=_("Update them every year: the site shows the next ones to newcomers."),
        ),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name

    @property
    def has_contact(self):
        return bool(self.contact_email or self.contact_phone or self.contact_url)

    def upcoming_dates(self, today=None):
        """Return the dated periods not over yet on `today`, soonest first."""
        today = today or timezone.localdate()
        dates = [d for d in self.dates.select_related("stage") if not d.is_over(today)]
        return sorted(dates, key=lambda d: d.starts_on)

    @cached_property
    def upcoming(self):
        """The dated periods not over yet, for templates."""
        return self.upcoming_dates()

    @cached_property
    def upcoming_periods(self):
        """The programme's calendar without the sessions held in one place (comptoirs)."""
        return [d for d in self.upcoming if not d.place]


class ProgrammeDate(Orderable):
    """A dated period of the current edition: registration, a stage, the vote…"""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="dates")
    stage = models.ForeignKey(
        "Stage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dates",
        verbose_name=_("stage"),
    )
    label = models.CharField(
        _("what"),
        max_length=160,
        blank=True,
        help_text=_("Leave empty to use the stage's name."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Where it happens, for a session held in one place (a comptoir, say)."),
    )
    territory = models.ForeignKey(
        "Territory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dates",
        verbose_name=_("territory"),
        help_text=_("The territory of the place, so that newcomers find the nearest session."),
    )

    panels = [
        FieldPanel("stage"),
        FieldPanel("label"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("place"),
        FieldPanel("territory"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")

    def __str__(self):
        return f"{self.title} : {self.period}"

    def clean(self):
        if not (self.stage_id or self.label.strip()):
            raise ValidationError({"label": _("Choose a stage or say what happens.")})
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end comes before the start.")})

    @property
    def title(self):
        return self.label or (self.stage.name if self.stage_id else "")

    @property
    def period(self):
        """Return the period in words, such as "du 2 mars au 15 mai 2026"."""
        start = date_format(self.starts_on, "j F Y")
        if not self.ends_on or self.ends_on == self.starts_on:
            return gettext("on %(date)s") % {"date": start}
        if self.ends_on.year == self.starts_on.year:
            start = date_format(self.starts_on, "j F")
        end = date_format(self.ends_on, "j F Y")
        return gettext("from %(start)s to %(end)s") % {"start": start, "end": end}

    def is_over(self, today):
        return (self.ends_on or self.starts_on) < today


class StagePlace(NamedTuple):
    """Where a stage stands in an ordered list of stages, and its neighbours there."""

    number: int
    count: int
    previous: "Stage | None"
    next: "Stage | None"


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
    action_label = models.CharField(
        _("action link text"),
        max_length=120,
        blank=True,
        help_text=_("What a newcomer does at this stage, for example: Submit my application"),
    )
    action_url = models.CharField(
        _("action link"),
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "A web address or a page of this site (/contribuer/). Leave empty to link to "
            "the programme's application platform."
        ),
    )

    panels = [
        FieldPanel("programme"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("short_description"),
        FieldPanel("typical_period"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("action_label"), FieldPanel("action_url")], heading=_("Next step")
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("knowledge:stage", args=[self.slug])

    def place(self, stages=None):
        """Return this stage's place among ordered `stages` (its programme's by default)."""
        stages = list(self.programme.stages.all() if stages is None else stages)
        index = [stage.pk for stage in stages].index(self.pk)
        return StagePlace(
            number=index + 1,
            count=len(stages),
            previous=stages[index - 1] if index > 0 else None,
            next=stages[index + 1] if index + 1 < len(stages) else None,
        )

    @property
    def action_link(self):
        """Return where the stage's action leads: its own link or the application platform."""
        if not self.action_label:
            return ""
        return self.action_url or self.programme.application_url


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
        return reverse("stories:project", args=[self.slug])


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
    accepts_questions = models.BooleanField(
        _("accepts questions from newcomers"),
        default=False,
        help_text=_(
            "The ambassador agreed to receive by email the questions newcomers send from "
            "their portrait. Their address is never shown."
        ),
    )
    contact_email = models.EmailField(
        _("address for newcomers' questions"),
        blank=True,
        help_text=_("Never shown on the site. Leave empty to use their contributor account's."),
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
        MultiFieldPanel(
            [FieldPanel("accepts_questions"), FieldPanel("contact_email")],
            heading=_("Questions from newcomers"),
        ),
        FieldPanel("is_example"),
    ]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("ambassador")
        verbose_name_plural = _("ambassadors")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("stories:ambassador", args=[self.slug])

    @property
    def question_address(self):
        """Return where newcomers' questions go, or "" when they cannot be sent."""
        if not (self.public_profile and self.accepts_questions):
            return ""
        return self.contact_email or (self.account.email if self.account_id else "")

    def clean(self):
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": _("Describe the photo: alternative text is required.")}
            )
