"""Story blocks: each one is a small piece of a mise en récit, with its own template."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from relais.core.blocks import ImageWithAltBlock

from .choices import TipKind

# Headings start at h2: the story page's title is its only h1.
TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "h2", "h3"]


class AudioCapsuleBlock(blocks.StructBlock):
    """An audio capsule (file, transcript, chapters) chosen from the capsule library."""

    capsule = SnippetChooserBlock("stories.AudioCapsule", label=_("Audio capsule"))

    class Meta:
        icon = "media"
        template = "blocks/audio_capsule_block.html"
        label = _("Audio capsule")
        description = _("A player with the duration, the chapters and the full transcript")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=800)
    author = blocks.CharBlock(label=_("Who says it"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Role or structure"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("Words of a laureate or an ambassador")


class TipCardValue(blocks.StructValue):
    def kind_label(self):
        """Return the French label of the kind (astuce, piège à éviter, bon plan)."""
        return TipKind(self["kind"]).label


class TipCardBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=TipKind.choices, default=TipKind.TIP, label=_("Kind"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=800)

    class Meta:
        icon = "help"
        template = "blocks/tip_card_block.html"
        value_class = TipCardValue
        label = _("Tip card")
        description = _("A tip, a pitfall to avoid or a good deal")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Key figures")
        description = _("Up to six figures with what they count")


class TimelineStepBlock(blocks.StructBlock):
    stage = SnippetChooserBlock("journey.Stage", label=_("Stage"))
    when = blocks.CharBlock(label=_("When"), required=False, max_length=60)
    text = blocks.TextBlock(label=_("What happened"), max_length=600)


class JourneyTimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    steps = blocks.ListBlock(TimelineStepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        template = "blocks/journey_timeline_block.html"
        label = _("Project journey")
        description = _("The project's journey through the stages of the programme")


class StoryBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=TEXT_FEATURES,
        label=_("Short text"),
        template="blocks/text_block.html",
        icon="pilcrow",
        description=_("A few short paragraphs"),
    )
    image = ImageWithAltBlock()
    audio = AudioCapsuleBlock()
    quote = QuoteBlock()
    tip = TipCardBlock()
    key_figures = KeyFiguresBlock()
    timeline = JourneyTimelineBlock()
