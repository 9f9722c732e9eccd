import pytest

from .factories import AskableAmbassadorFactory


@pytest.fixture
def ambassador(db):
    return AskableAmbassadorFactory(display_name="Nadia Essai", slug="nadia-essai")


@pytest.fixture
def question():
    """What a newcomer types in the form, consent given."""
    return {
        "first_name": "Léa",
        "email": "lea.nouvelle@example.net",
        "message": "Bonjour, comment avez-vous trouvé votre collectif ?",
        "consent": "on",
        "website": "",
    }
