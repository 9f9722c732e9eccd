"""Factories of the contributor space: interview questions, consent texts, testimonies."""

import factory

from relais.collect.accounts import AMBASSADORS_GROUP
from relais.collect.models import Answer, ConsentText, InterviewQuestion, Testimony
from relais.core.tests.factories import UserFactory
from relais.journey.tests.factories import StageFactory


class InterviewQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewQuestion

    stage = factory.SubFactory(StageFactory)
    text = factory.Sequence(lambda n: f"Question {n} : comment avez-vous fait ?")
    required = False
    sort_order = factory.Sequence(lambda n: n)


class ConsentTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentText

    version = factory.Sequence(lambda n: f"version-{n}")
    text = "J'accepte que mon témoignage soit publié après relecture avec moi."


class TestimonyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Testimony

    owner = factory.SubFactory(UserFactory, groups=[AMBASSADORS_GROUP])
    title = factory.Sequence(lambda n: f"Témoignage {n}")


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    testimony = factory.SubFactory(TestimonyFactory)
    question = factory.SubFactory(InterviewQuestionFactory)
    text = "Tout est parti d'un jardin partagé."
