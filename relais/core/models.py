"""Site-wide models: the example flag, standard pages, funder mention, site contacts."""

import secrets

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from .blocks import SimpleBodyBlock
from .site_tree import SiteTreePageMixin


class ExampleMixin(models.Model):
    """Flag demo items so that every page can say they are fictional examples."""

    is_example = models.BooleanField(
        _("fictional example"),
        default=False,
        help_text=_("Shown to visitors as a fictional example (demo content)."),
    )

    class Meta:
        abstract = True


class StandardPage(SiteTreePageMixin, Page):
    """About page and legal pages (mentions légales, accessibilité, données personnelles)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(SimpleBodyBlock(), blank=True, verbose_name=_("content"))
    show_funder_details = models.BooleanField(
        _("show the funder details"),
        default=False,
        help_text=_("Display the full funder mention and the programme (for the about page)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("show_funder_details"),
    ]
    parent_page_types = ["stories.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="doc-full")
class FunderSettings(BaseGenericSetting):
    """The funder mention required on every medium (article 7 of the grant agreement)."""

    funder_name = models.CharField(_("funder name"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    amount = models.DecimalField(
        _("amount of the aid (€)"), max_digits=10, decimal_places=0, null=True, blank=True
    )
    link = models.URLField(_("link"), blank=True)
    text = models.TextField(
        _("mention"),
        blank=True,
        max_length=600,
        help_text=_("For example: what the aid funds and who receives it."),
    )

    panels = [
        FieldPanel("funder_name"),
        # The help text lives on the panel, not the field, so that it needs no migration.
        FieldPanel(
            "logo",
            help_text=_(
                "The funder's official logo, never redrawn. For the Département du "
                "Pas-de-Calais: the « 62, Pas-de-Calais Mon Département » logotype, downloaded "
                "from pasdecalais.fr (section « Divers », then « Logotype »), following its "
                "graphic charter (« Partenaires », then « Contreparties communication »). "
                "PNG with a white or transparent background, at least 480 × 240 pixels; shown "
                "at most 240 × 120 pixels. Its text alternative is the funder's name. "
                "Without a logo, the name is shown in a frame instead."
            ),
        ),
        FieldPanel("amount"),
        FieldPanel("link"),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("funder mention")


@register_setting(icon="mail")
class SiteContactSettings(BaseGenericSetting):
    """Who publishes, hosts and answers for the site: the legal, accessibility and privacy pages
    show these fields, so that a collectivity fills them once in the admin."""

    publisher_name = models.CharField(_("publisher"), max_length=200, blank=True)
    publisher_address = models.TextField(_("publisher's postal address"), blank=True)
    publisher_registration = models.CharField(
        _("registration number"),
        max_length=100,
        blank=True,
        help_text=_("SIRET, RNA number or any official identifier."),
    )
    publication_director = models.CharField(_("publication director"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    host_name = models.CharField(_("host"), max_length=200, blank=True)
    host_address = models.TextField(_("host's postal address"), blank=True)
    host_phone = models.CharField(_("host's phone"), max_length=40, blank=True)
    privacy_contact = models.CharField(
        _("data protection contact"),
        max_length=200,
        blank=True,
        help_text=_("The data protection officer (DPO) or the person in charge."),
    )
    privacy_email = models.EmailField(_("data protection email"), blank=True)
    accessibility_email = models.EmailField(_("accessibility contact email"), blank=True)
    accessibility_form_url = models.URLField(_("accessibility contact form"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("publisher_name"),
                FieldPanel("publisher_address"),
                FieldPanel("publisher_registration"),
                FieldPanel("publication_director"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Publisher"),
        ),
        MultiFieldPanel(
            [FieldPanel("host_name"), FieldPanel("host_address"), FieldPanel("host_phone")],
            heading=_("Host"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_contact"), FieldPanel("privacy_email")],
            heading=_("Personal data"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_email"), FieldPanel("accessibility_form_url")],
            heading=_("Accessibility"),
        ),
    ]

    class Meta:
        verbose_name = _("site contacts and legal notice")


class ContentGeneration(models.Model):
    """A counter bumped on every content change; cached pages record the one they saw."""

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.value)

    @classmethod
    def current(cls):
        """Return the current generation (one indexed read)."""
        row = cls.objects.filter(pk=1).values_list("value", flat=True).first()
        return row or 0

    @classmethod
    def bump(cls):
        """Count one more content change and return the new generation.

        Called inside the writer's transaction: readers see the new value only once the
        change itself is committed, in every process sharing the database.
        """
        if not cls.objects.filter(pk=1).update(value=F("value") + 1):
            cls.objects.get_or_create(pk=1, defaults={"value": 1})
        return cls.current()

    @classmethod
    def leap(cls):
        """Jump to a generation no process has seen, even one restored from a backup."""
        step = secrets.randbelow(2**40) + 1
        if not cls.objects.filter(pk=1).update(value=F("value") + step):
            cls.objects.get_or_create(pk=1, defaults={"value": step})


class CacheTag(models.Model):
    """The generation at which content that cached pages declare they show last changed.

    A tag names a piece of content ("wagtailcore.page:42", "journey.stage:3") or a set of
    it ("stories:list"); a cached page is stale once one of its tags changed after it was
    rendered (relais.core.page_cache).
    """

    name = models.CharField(max_length=120, primary_key=True)
    generation = models.PositiveBigIntegerField()

    def __str__(self):
        return f"{self.name}@{self.generation}"
