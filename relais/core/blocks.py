"""Base blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


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
        label = _("Image")
        description = _("An image with its alternative text, caption and credit")


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
        label = _("Site contact details")
        description = _("Details filled in Settings › Site contacts and legal notice")
        preview_value = {"kind": "legal"}


class SimpleBodyBlock(blocks.StreamBlock):
    """Body of about and legal pages: text, headings, images and the site's contact details."""

    text = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol", "h2", "h3"],
        label=_("Text"),
        template="blocks/text_block.html",
        icon="pilcrow",
    )
    image = ImageWithAltBlock()
    site_contact = SiteContactBlock()
