"""Factories of the story site: home, listing, story pages and audio capsules.

Pages take their parent as ``parent=`` (see ``relais.core.tests.factories.PageFactory``).
"""

import factory

from django.core.files.base import ContentFile

from relais.core.tests.factories import ImageFactory, PageFactory
from relais.journey.tests.factories import ProgrammeFactory
from relais.stories.audio import AudioCapsule, AudioChapter
from relais.stories.choices import TipKind
from relais.stories.models import HomePage, StoryIndexPage, StoryPage


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Accueil"
    slug = "accueil"
    programme = factory.SubFactory(ProgrammeFactory)
    hero_text = "Des lauréats racontent leur parcours, étape par étape."


class StoryIndexPageFactory(PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Histoires"
    slug = "histoires"
    show_in_menus = True
    intro = "Les histoires des lauréats."


class AudioCapsuleFactory(factory.django.DjangoModelFactory):
    """A capsule whose file is ``audio`` bytes (not checked: set them to real audio when a
    browser plays it); ``chapters=[(start, title), …]``."""

    class Meta:
        model = AudioCapsule
        skip_postgeneration_save = True

    class Params:
        audio = b"ID3 not real audio"

    title = factory.Sequence(lambda n: f"Capsule {n}")
    transcript = "Tout ce qui est dit dans la capsule.\nSa deuxième ligne."
    duration_seconds = 65
    file = factory.LazyAttribute(lambda capsule: ContentFile(capsule.audio, name="capsule.mp3"))

    @factory.post_generation
    def chapters(self, create, extracted, **kwargs):
        if extracted:
            self.chapters = [AudioChapter(start=start, title=title) for start, title in extracted]
            if create:
                self.save()


class StoryPageFactory(PageFactory):
    """A published story; ``stages``, ``themes`` and ``ambassadors`` take lists (modelcluster
    keeps them on the unsaved page and saves them with it)."""

    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Histoire {n}")
    intro = "Une histoire racontée par une lauréate."
    body = factory.LazyFunction(lambda: [("text", "<p>Le récit.</p>")])


def story_with_every_block(parent, *, capsule=None, image=None, stage=None, **fields):
    """Return a published story using every kind of block, as editors write them."""
    image = image or ImageFactory(title="Illustration d'histoire")
    capsule = capsule or AudioCapsuleFactory(chapters=[("0:00", "Début"), ("0:30", "Suite")])
    body = [
        ("text", "<p>Tout a commencé dans notre quartier.</p>"),
        ("image", {"image": image, "alt_text": "Des voisins devant le jardin", "caption": ""}),
        ("audio", {"capsule": capsule}),
        ("quote", {"text": "On n'y croyait pas.", "author": "Alice", "role": "Porteuse"}),
        ("tip", {"kind": TipKind.TIP, "title": "Venez au comptoir", "text": "On y apprend tout."}),
        (
            "key_figures",
            {"title": "En chiffres", "figures": [{"value": "40", "label": "bénévoles"}]},
        ),
    ]
    if stage is not None:
        body.append(
            (
                "timeline",
                {
                    "title": "Notre parcours",
                    "steps": [{"stage": stage, "when": "Mars", "text": "Le dépôt du dossier."}],
                },
            )
        )
    return StoryPageFactory(parent=parent, body=body, listing_image=image, **fields)
