"""ambassadors/*.md: whether an ambassador accepts questions travels; their address never leaves."""

import pytest

from relais.journey.models import Ambassador
from relais.packs.services import PackInvalid, export_pack, import_pack

from .conftest import edit

pytestmark = pytest.mark.django_db

NADIA = """\
---
slug: nadia-q
name: Nadia Q.
structure: Les Jardins d'essai
accepts_questions: true
contact_email: nadia-q@example.org
---
Elle répond aux questions des nouveaux venus.
"""


@pytest.fixture
def ambassador_pack(pack_dir):
    (pack_dir / "ambassadors").mkdir()
    (pack_dir / "ambassadors/nadia-q.md").write_text(NADIA, encoding="utf-8")
    return pack_dir


def test_an_ambassador_who_accepts_questions_is_imported_with_their_private_address(
    ambassador_pack,
):
    import_pack(ambassador_pack)
    nadia = Ambassador.objects.get(slug="nadia-q")
    assert nadia.accepts_questions
    assert nadia.question_address == "nadia-q@example.org"


def test_without_the_key_an_ambassador_does_not_accept_questions(ambassador_pack):
    edit(ambassador_pack / "ambassadors/nadia-q.md", "accepts_questions: true\n", "")
    import_pack(ambassador_pack)
    assert not Ambassador.objects.get(slug="nadia-q").accepts_questions


def test_an_invalid_address_is_refused_with_its_file_and_line(ambassador_pack):
    edit(ambassador_pack / "ambassadors/nadia-q.md", "nadia-q@example.org", "nadia chez moi")
    with pytest.raises(PackInvalid) as caught:
        import_pack(ambassador_pack)
    errors = "\n".join(map(str, caught.value.errors))
    assert (
        "ambassadors/nadia-q.md:6: contact_email n'est pas une adresse de courriel valide" in errors
    )
    assert not Ambassador.objects.filter(slug="nadia-q").exists()


def test_export_keeps_the_opt_in_but_never_the_address_and_round_trips(ambassador_pack, tmp_path):
    import_pack(ambassador_pack)
    export_pack(tmp_path / "out")
    exported = (tmp_path / "out/ambassadors/nadia-q.md").read_text(encoding="utf-8")
    assert "accepts_questions: true" in exported
    assert "example.org" not in exported
    Ambassador.objects.filter(slug="nadia-q").update(accepts_questions=False)
    import_pack(tmp_path / "out")  # the exported pack, without the address
    nadia = Ambassador.objects.get(slug="nadia-q")
    assert nadia.accepts_questions
    assert nadia.contact_email == "nadia-q@example.org"  # left as it was
    export_pack(tmp_path / "again")
    assert (tmp_path / "again/ambassadors/nadia-q.md").read_text(encoding="utf-8") == exported
