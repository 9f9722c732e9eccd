"""Fixtures of the editors' screens: an editor signed in past the second factor."""

import pytest

from relais.core.tests.factories import UserFactory
from relais.staff.tests.factories import sign_in_with_second_factor


@pytest.fixture
def editor(db):
    """Someone of the editors' group Wagtail creates (who reviews testimonies)."""
    return UserFactory(email="editrice@example.org", groups=["Editors"])


@pytest.fixture
def editor_client(client, editor):
    sign_in_with_second_factor(client, editor)
    return client
