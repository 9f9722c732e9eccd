"""Factories of the glossary."""

import factory

from django.utils.text import slugify

from relais.glossary.models import GlossaryTerm


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    """A term; ``synonyms`` and ``forms`` are texts with one item per line."""

    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"terme {n}")
    slug = factory.LazyAttribute(lambda t: slugify(t.term))
    definition = "Une définition courte, en mots simples."
