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


class SimpleBodyBlock(blocks.StreamBlock):
    """Body of about and legal pages: text, headings and images."""

    text = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol", "h2", "h3"],
        label=_("Text"),
        template="blocks/text_block.html",
        icon="pilcrow",
    )
    image = ImageWithAltBlock()
