"""Factories of the idea box: ideas sent by visitors and FAQ entries."""

import factory

from ..choices import IdeaKind
from ..models import FaqEntry, Idea


class IdeaFactory(factory.django.DjangoModelFactory):
    """A new idea whose sender agreed to publication and left an address."""

    class Meta:
        model = Idea

    kind = IdeaKind.QUESTION
    text = factory.Sequence(
        lambda n: f"Peut-on déposer un projet à deux personnes seulement ? ({n})"
    )
    name = "Samia"
    email = factory.Sequence(lambda n: f"visiteur{n}@example.org")
    consent_to_publish = True


class FaqEntryFactory(factory.django.DjangoModelFactory):
    """A published general question (give ``stage=`` to file it under a stage)."""

    class Meta:
        model = FaqEntry

    question = factory.Sequence(lambda n: f"Question fréquente numéro {n} ?")
    answer = "Oui, à condition d'être au moins trois habitants."
    slug = factory.Sequence(lambda n: f"question-{n}")
