"""Staff accounts: members of Wagtail's Editors group, with a password they type."""

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache

from relais.core.tests.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    """Sign-in counters live in the cache: every test starts with none."""
    cache.clear()


@pytest.fixture
def editor(db):
    return UserFactory(username="redaction", email="redaction@example.org", groups=["Editors"])


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def ambassador(db):
    """Someone who never reaches the admin (the contributor space's group)."""
    Group.objects.get_or_create(name="Ambassadeurs")
    return UserFactory(groups=["Ambassadeurs"])
