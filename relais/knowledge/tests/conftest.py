import pytest

from relais.collect.tests.factories import AnswerFactory, InterviewQuestionFactory
from relais.journey.tests.factories import AmbassadorFactory
from relais.stories.tests.factories import StoryPageFactory


@pytest.fixture
def story(story_index, stages):
    """A published story told by a public ambassador, at the second stage."""
    ambassador = AmbassadorFactory(display_name="Nadia B.", public_profile=True)
    return StoryPageFactory(
        parent=story_index,
        title="L'épicerie du quartier",
        stages=[stages[1]],
        ambassadors=[ambassador],
        body=[("text", "<p>Venez avec trois prénoms, pas un dossier.</p>")],
    )


@pytest.fixture
def answer(stages):
    """A testimony answer whose author agreed to have their text published."""
    ambassador = AmbassadorFactory(display_name="Karim H.", public_profile=True)
    answer = AnswerFactory(
        question=InterviewQuestionFactory(stage=stages[1]),
        text="Le plus dur, c'est de parler d'argent. Préparez un budget simple.",
        testimony__title="Mon comptoir",
        testimony__consent_text_scope=True,
    )
    ambassador.account = answer.testimony.owner
    ambassador.save()
    return answer
