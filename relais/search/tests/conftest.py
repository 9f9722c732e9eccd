import pytest

from relais.search.indexing import rebuild


@pytest.fixture
def reindex(db):
    """Return a function that rebuilds the index from what the test created."""
    return rebuild
