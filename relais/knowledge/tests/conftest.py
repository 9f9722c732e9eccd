import pytest

from relais.collect.tests.factories import AnswerFactory, InterviewQuestionFactory
from relais.core.tests.factories import UserFactory
from relais.journey.tests.factories import AmbassadorFactory
from relais.staff.tests.factories import sign_in_with_second_factor
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


@pytest.fixture
def editor(db):
    """Someone of the editors' group Wagtail creates (who reviews testimonies)."""
    return UserFactory(email="editrice@example.org", groups=["Editors"])


@pytest.fixture
def editor_client(client, editor):
    """A client signed in as the editor, past the admin's second factor."""
    sign_in_with_second_factor(client, editor)
    return client
