"""Factories of knowledge cards and their sources."""

import factory

from relais.journey.tests.factories import StageFactory

from ..models import CardSource, CardType, KnowledgeCard


class CardTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CardType
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"type-{n}")
    name = factory.Sequence(lambda n: f"Type {n}")
    plural_name = factory.LazyAttribute(lambda o: f"{o.name}s")


class KnowledgeCardFactory(factory.django.DjangoModelFactory):
    """A published card; ``stages`` and ``themes`` take lists. Without sources it is not public:
    give ``story=`` or ``answer=`` (with ``quote=``) to add one."""

    class Meta:
        model = KnowledgeCard
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Venez avec trois prénoms {n}")
    slug = factory.Sequence(lambda n: f"fiche-{n}")
    card_type = factory.LazyFunction(lambda: CardType.objects.get(slug="astuce"))
    body = "Au comptoir, venez avec trois prénoms de personnes prêtes à s'engager."

    @factory.post_generation
    def stages(self, create, extracted, **kwargs):
        if create:
            self.stages.set(extracted if extracted is not None else [StageFactory()])

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        """`sources=[dict(story=…, quote=…), dict(answer=…, quote=…, ambassador=…)]`."""
        if create:
            for source in extracted or []:
                CardSourceFactory(card=self, **source)
            self.refresh_from_db(fields=["cited_by", "source_count"])

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()  # modelcluster keeps stages and themes in memory until a save


class CardSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CardSource

    card = factory.SubFactory(KnowledgeCardFactory)
    quote = "Venez avec trois prénoms, pas un dossier."
