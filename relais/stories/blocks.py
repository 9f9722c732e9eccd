"""Story blocks: each one is a small piece of a mise en récit, with its own template.

Each block has an icon, a description and a preview value, so that the block chooser of the
admin shows editors what the block is for and what it looks like (Wagtail's block previews).
Blocks that point to a chosen object preview a sample object when the site has none yet.
"""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from relais.core.blocks import ImageWithAltBlock, TextBlock
from relais.journey.lookups import all_stages
from relais.journey.models import Stage

from .audio import AudioCapsule, AudioChapter
from .choices import TipKind

SAMPLE_CAPSULE = {
    "title": "Comment on a convaincu tout le quartier",
    "duration_seconds": 185,
    "transcript": (
        "Au début, on était trois voisines avec une idée : un atelier pour réparer les vélos "
        "au pied des immeubles.\nLe comptoir à initiatives nous a aidées à écrire le dossier, "
        "puis on a fait du porte-à-porte pour expliquer le projet avant le vote."
    ),
    "chapters": [
        ("0:00", "L'idée de départ"),
        ("1:05", "Le porte-à-porte"),
        ("2:20", "Le jour du vote"),
    ],
}

SAMPLE_STAGES = [
    ("idee", "L'idée"),
    ("depot", "Dépôt du dossier"),
    ("vote", "Vote des habitants"),
]


def sample_capsule():
    """Return an unsaved capsule with chapters, so the preview works on an empty site."""
    capsule = AudioCapsule(
        title=SAMPLE_CAPSULE["title"],
        transcript=SAMPLE_CAPSULE["transcript"],
        duration_seconds=SAMPLE_CAPSULE["duration_seconds"],
    )
    capsule.chapters = [
        AudioChapter(start=start, title=title) for start, title in SAMPLE_CAPSULE["chapters"]
    ]
    return capsule


class ShortTextBlock(TextBlock):
    class Meta:
        label = _("Short text")
        description = _("A few short paragraphs that tell one moment of the story")
        preview_value = (
            "<p>Au début, on ne pensait pas que notre idée avait sa place dans un budget "
            "citoyen. Puis on a poussé la porte du comptoir à initiatives, et <b>tout est "
            "devenu plus simple</b>.</p>"
        )


class AudioCapsuleBlock(blocks.StructBlock):
    """An audio capsule (file, transcript, chapters) chosen from the capsule library."""

    capsule = SnippetChooserBlock("stories.AudioCapsule", label=_("Audio capsule"))

    class Meta:
        icon = "media"
        template = "blocks/audio_capsule_block.html"
        # A sample capsule has no file: its preview shows where the player goes.
        preview_template = "blocks/previews/audio_capsule_block.html"
        label = _("Audio capsule")
        description = _(
            "Let visitors listen to a capsule of the library, with its chapters and full transcript"
        )

    def bulk_to_python(self, values):
        """Return the capsules of every audio block of a story with their chapters: two queries."""
        structs = super().bulk_to_python(values)
        capsules = [struct["capsule"] for struct in structs if struct["capsule"] is not None]
        prefetch_related_objects(capsules, "chapters")
        return structs

    def get_preview_value(self):
        """Return the first capsule of the library that has a file, or a sample capsule."""
        capsule = AudioCapsule.objects.exclude(file="").order_by("pk").first()
        return self.normalize({"capsule": capsule or sample_capsule()})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=800)
    author = blocks.CharBlock(label=_("Who says it"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Role or structure"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("Highlight a sentence said by a laureate or an ambassador")
        preview_value = {
            "text": "Le plus dur, c'est d'oser déposer son idée. Après, on n'est jamais seul.",
            "author": "Nadia",
            "role": "lauréate 2023, atelier vélo solidaire",
        }


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
        description = _("Advice for newcomers: a tip, a pitfall to avoid or a good deal")
        preview_value = {
            "kind": TipKind.TIP,
            "title": "Chiffrez votre projet avec des devis",
            "text": (
                "Deux devis par achat suffisent : le jury voit que le budget est réaliste, "
                "et vous gagnez du temps si le projet est retenu."
            ),
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)

    class Meta:
        icon = "decimal"
        label = _("Figure")
        description = _("One figure and what it counts")
        preview_value = {"value": "412", "label": "habitants ont voté pour le projet"}


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Key figures")
        description = _(
            "Up to six figures that give the project's scale: budget, volunteers, people reached"
        )
        preview_value = {
            "title": "Le projet en chiffres",
            "figures": [
                {"value": "8 500 €", "label": "de budget citoyen"},
                {"value": "412", "label": "habitants ont voté pour le projet"},
                {"value": "12", "label": "bénévoles chaque samedi"},
            ],
        }


class TimelineStepBlock(blocks.StructBlock):
    stage = SnippetChooserBlock("journey.Stage", label=_("Stage"))
    when = blocks.CharBlock(label=_("When"), required=False, max_length=60)
    text = blocks.TextBlock(label=_("What happened"), max_length=600)

    class Meta:
        icon = "arrow-right"
        label = _("Step")
        description = _("One stage the project went through: when, and what happened")

    def bulk_to_python(self, values):
        """Return the steps with their stages taken from the cached stages, without a query."""
        without_stage = [{k: v for k, v in value.items() if k != "stage"} for value in values]
        steps = super().bulk_to_python(without_stage)
        stages = all_stages()
        for step, value in zip(steps, values, strict=True):
            pk = value.get("stage")
            step["stage"] = stages.get(int(pk)) if pk not in (None, "") else None
        return steps


class JourneyTimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    steps = blocks.ListBlock(TimelineStepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        template = "blocks/journey_timeline_block.html"
        label = _("Project journey")
        description = _("The project's journey through the stages of the programme")
        preview_value = {
            "title": "Notre parcours",
            "steps": [
                {"when": "Automne 2023", "text": "Trois voisines imaginent l'atelier vélo."},
                {"when": "Février 2024", "text": "Le dossier est déposé avec deux devis."},
                {"when": "Mai 2024", "text": "412 habitants votent pour le projet."},
            ],
        }

    def get_preview_value(self):
        """Return the sample journey, each step at a sample stage (never saved)."""
        value = super().get_preview_value()
        for step, (slug, name) in zip(value["steps"], SAMPLE_STAGES, strict=False):
            step["stage"] = Stage(slug=slug, name=name)
        return value


class StoryBodyBlock(blocks.StreamBlock):
    text = ShortTextBlock()
    image = ImageWithAltBlock()
    audio = AudioCapsuleBlock()
    quote = QuoteBlock()
    tip = TipCardBlock()
    key_figures = KeyFiguresBlock()
    timeline = JourneyTimelineBlock()
