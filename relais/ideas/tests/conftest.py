import pytest

from relais.core.tests.factories import UserFactory
from relais.staff.tests.factories import sign_in_with_second_factor


@pytest.fixture
def editor(db):
    """Someone of the editors' group Wagtail creates (who moderates the idea box)."""
    return UserFactory(email="editrice@example.org", groups=["Editors"])


@pytest.fixture
def editor_client(client, editor):
    """A client signed in as the editor, past the admin's second factor."""
    sign_in_with_second_factor(client, editor)
    return client
