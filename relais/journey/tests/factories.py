"""Factories of the programme data: programme, stages, themes, territories, projects,
ambassadors."""

import factory

from relais.core.tests.factories import ImageFactory
from relais.journey.choices import TerritoryKind
from relais.journey.models import (
    Ambassador,
    LaureateProject,
    Programme,
    ProjectEdition,
    Stage,
    Territory,
    Theme,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Budget citoyen {n}")
    collectivity = "Département d'essai"
    application_url = "https://candidature.example.org/"
    application_label = "Proposer mon idée"


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Étape {n}")
    slug = factory.Sequence(lambda n: f"etape-{n}")
    short_description = "Ce qui se passe à cette étape."
    sort_order = factory.Sequence(lambda n: n)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class TerritoryFactory(factory.django.DjangoModelFactory):
    """A commune of an intercommunality (``parent=None, kind=...`` for the latter)."""

    class Meta:
        model = Territory

    name = factory.Sequence(lambda n: f"Commune {n}")
    slug = factory.Sequence(lambda n: f"commune-{n}")
    kind = TerritoryKind.COMMUNE
    parent = factory.SubFactory(
        "relais.journey.tests.factories.TerritoryFactory",
        name=factory.Sequence(lambda n: f"Intercommunalité {n}"),
        slug=factory.Sequence(lambda n: f"epci-{n}"),
        kind=TerritoryKind.INTERCOMMUNALITY,
        parent=None,
    )


class LaureateProjectFactory(factory.django.DjangoModelFactory):
    """A project with one labelled edition (``editions=[(year, labelled, amount), …]``)."""

    class Meta:
        model = LaureateProject
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Projet {n}")
    slug = factory.Sequence(lambda n: f"projet-{n}")
    carrier = "Collectif d'habitants"
    commune = factory.SubFactory(TerritoryFactory)
    short_description = "Un projet pour le quartier."

    @factory.post_generation
    def editions(self, create, extracted, **kwargs):
        rows = extracted if extracted is not None else [(2024, True, 3000)]
        self.editions = [
            ProjectEdition(year=year, labelled=labelled, amount=amount)
            for year, labelled, amount in rows
        ]
        if create:
            self.save()

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()


class AmbassadorFactory(factory.django.DjangoModelFactory):
    """A public ambassador; ``with_photo=True`` adds a portrait and its alt text."""

    class Meta:
        model = Ambassador
        skip_postgeneration_save = True

    class Params:
        with_photo = factory.Trait(
            photo=factory.SubFactory(ImageFactory),
            photo_alt="Portrait dessiné : une personne souriante",
        )

    display_name = factory.Sequence(lambda n: f"Ambassadrice {n}")
    slug = factory.Sequence(lambda n: f"ambassadrice-{n}")
    structure = "Association d'essai"
    bio = "A porté un projet et raconte son parcours."
    years_labelled = "2022"
    public_profile = True

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if create and extracted:
            self.projects.set(extracted)
