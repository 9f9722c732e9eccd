import datetime

import factory

from relais.contact.models import QuestionCount
from relais.journey.tests.factories import AmbassadorFactory


class AskableAmbassadorFactory(AmbassadorFactory):
    """A public ambassador who accepts newcomers' questions at a private address."""

    accepts_questions = True
    contact_email = factory.Sequence(lambda n: f"prive-ambassadrice-{n}@example.org")


class QuestionCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionCount

    ambassador = factory.SubFactory(AskableAmbassadorFactory)
    month = datetime.date(2026, 3, 1)
    count = 1
