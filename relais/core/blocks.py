"""Base blocks shared by every page type.

Each block has an icon, a description and a preview value, so that the block chooser of the
admin shows editors what the block is for and what it looks like (Wagtail's block previews).
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

# Headings start at h2: the page's title is its only h1.
TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "h2", "h3"]


class TextBlock(blocks.RichTextBlock):
    """Rich text with the features every page allows, headings from h2."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/text_block.html"
        label = _("Text")
        description = _("Paragraphs, headings, lists and links")
        preview_value = (
            "<h2>Qui sommes-nous ?</h2>"
            "<p>Relais rassemble les récits des lauréats du budget citoyen pour donner "
            "envie aux habitants de <b>se lancer à leur tour</b>.</p>"
            "<ul><li>des histoires vécues ;</li><li>des conseils pratiques ;</li>"
            "<li>des capsules audio.</li></ul>"
        )


class ImageWithAltBlock(blocks.StructBlock):
    """An image whose alternative text is mandatory, with caption and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        # Shows a drawn placeholder when the image library is still empty.
        preview_template = "blocks/previews/image_block.html"
        label = _("Image")
        description = _(
            "Show a photo or an illustration; its alternative text describes it to people "
            "who cannot see it"
        )
        preview_value = {
            "alt_text": "Des habitants plantent des aromatiques dans les bacs du jardin partagé",
            "caption": "Le jardin partagé de la rue des Écoles, un an après le vote",
            "credit": "Association Les Pousses",
        }

    def get_preview_value(self):
        """Return the sample with a photo of the library, or without one on an empty site."""
        value = super().get_preview_value()
        # A wide image fills the column as the block's photos do; logos and portraits don't.
        wide = get_image_model().objects.filter(width__gte=800, width__gt=F("height"))
        value["image"] = wide.order_by("created_at", "pk").first()
        return value


class SiteContactBlock(blocks.StructBlock):
    """The site's contact details for one legal page, read from the site contact settings."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("legal", _("Publisher and host (legal notice)")),
            ("accessibility", _("Accessibility contact")),
            ("privacy", _("Personal data contact")),
        ],
        label=_("Which details"),
    )

    class Meta:
        icon = "mail"
        template = "blocks/site_contact_block.html"
        # Says where to fill the details in when the settings are still empty.
        preview_template = "blocks/previews/site_contact_block.html"
        label = _("Site contact details")
        description = _("Details filled in Settings › Site contacts and legal notice")
        preview_value = {"kind": "legal"}


class SimpleBodyBlock(blocks.StreamBlock):
    """Body of about and legal pages: text, headings, images and the site's contact details."""

    text = TextBlock()
    image = ImageWithAltBlock()
    site_contact = SiteContactBlock()
