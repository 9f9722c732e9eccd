"""programme.yaml: a calendar entry can be a session held in one place of one territory."""

import pytest

from relais.journey.models import ProgrammeDate
from relais.packs.services import import_pack

from .conftest import edit
from .test_services_errors import refused

pytestmark = pytest.mark.django_db

SESSION = """- stage: voter
  label: Atelier de Testville
  from: 2030-09-12
  place: Salle des fêtes, Testville
  territory: testville
themes:"""


def test_a_session_keeps_its_place_and_territory(pack_dir):
    """The session is imported with where it happens, beside the programme's periods."""
    edit(pack_dir / "programme.yaml", "themes:", SESSION)
    import_pack(pack_dir)
    session = ProgrammeDate.objects.get(label="Atelier de Testville")
    assert session.place == "Salle des fêtes, Testville"
    assert session.territory.slug == "testville"
    assert ProgrammeDate.objects.get(label="Vote").place == ""


def test_a_session_in_an_unknown_territory_is_refused_with_its_line(pack_dir):
    edit(
        pack_dir / "programme.yaml",
        "themes:",
        SESSION.replace("territory: testville", "territory: nulle-part"),
    )
    assert "territoire inconnu : nulle-part" in refused(pack_dir)
