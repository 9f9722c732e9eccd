"""diagnostic.yaml: questions imported by slug with their answers, checked, exported back."""

import pytest

from relais.diagnostic.models import DiagnosticQuestion
from relais.packs.services import PackInvalid, export_pack, import_pack

from .conftest import edit

pytestmark = pytest.mark.django_db

DIAGNOSTIC = """\
questions:
- slug: theme
  text: De quoi parle votre idée ?
  answers:
  - {value: jeunes, label: Les jeunes, theme: jeunesse}
  - {value: autre, label: Autre chose}
- slug: lieu
  text: Où ?
  answers:
  - {value: testville, label: À Testville, territory: testville}
  - {value: ailleurs, label: Ailleurs}
- slug: groupe
  text: Êtes-vous plusieurs ?
  help: Un projet est porté par un groupe.
  glossary: collectif
  answers:
  - {value: seul, label: Seul, stage: proposer, warning: Venez en parler à un comptoir.}
  - value: groupe
    label: En groupe
    points: {collectif: 3, valeurs: 1}
"""
TERM = """\
---
slug: collectif
term: collectif
---
Un groupe de personnes qui agissent ensemble.
"""


@pytest.fixture
def diagnostic_pack(pack_dir):
    (pack_dir / "glossary").mkdir()
    (pack_dir / "glossary/collectif.md").write_text(TERM, encoding="utf-8")
    (pack_dir / "diagnostic.yaml").write_text(DIAGNOSTIC, encoding="utf-8")
    return pack_dir


def refused(pack_dir):
    with pytest.raises(PackInvalid) as caught:
        import_pack(pack_dir)
    assert not DiagnosticQuestion.objects.exists()
    return "\n".join(map(str, caught.value.errors))


def test_questions_are_imported_in_order_with_points_and_what_answers_give(diagnostic_pack):
    import_pack(diagnostic_pack)
    assert list(DiagnosticQuestion.objects.values_list("slug", flat=True)) == [
        "theme",
        "lieu",
        "groupe",
    ]
    group = DiagnosticQuestion.objects.get(slug="groupe")
    assert group.glossary_term.slug == "collectif"
    assert group.help_text == "Un projet est porté par un groupe."
    alone, together = group.answers.all()
    assert alone.stage.slug == "proposer" and alone.points() == {}
    assert alone.warning == "Venez en parler à un comptoir." and together.warning == ""
    assert together.points() == {"collectif": 3, "valeurs": 1}
    theme = DiagnosticQuestion.objects.get(slug="theme").answers.first()
    assert theme.theme.slug == "jeunesse"
    assert DiagnosticQuestion.objects.get(slug="lieu").answers.first().territory.slug == "testville"


def test_importing_again_changes_nothing_and_an_edit_updates_the_question(diagnostic_pack):
    import_pack(diagnostic_pack)
    assert [r for r in import_pack(diagnostic_pack).changed() if r[1] == "diagnostic"] == []
    edit(diagnostic_pack / "diagnostic.yaml", "collectif: 3", "collectif: 2")
    changes = import_pack(diagnostic_pack)
    assert [r for r in changes.changed() if r[1] == "diagnostic"] == [
        ("updated", "diagnostic", "groupe")
    ]
    assert DiagnosticQuestion.objects.get(slug="groupe").answers.last().collectif == 2


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("theme: jeunesse", "theme: inconnu", "diagnostic.yaml:5: thème inconnu : inconnu"),
        ("collectif: 3", "collectif: 4", "les points sont un nombre entier de 0 à 3"),
        ("collectif: 3", "entraide: 1", "dimension inconnue entraide"),
        (
            "glossary: collectif",
            "glossary: absent",
            "diagnostic.yaml:12: terme du glossaire inconnu : absent",
        ),
        ("value: autre", "value: jeunes", "deux réponses de la question theme"),
        ("theme: jeunesse}", "theme: jeunesse, stage: proposer}", "un seul"),
    ],
)
def test_a_wrong_question_is_refused_with_its_file_and_line(diagnostic_pack, old, new, message):
    edit(diagnostic_pack / "diagnostic.yaml", old, new)
    assert message in refused(diagnostic_pack)


def test_export_writes_the_questions_back_and_imports_to_the_same_file(diagnostic_pack, tmp_path):
    import_pack(diagnostic_pack)
    export_pack(tmp_path / "first")
    first = (tmp_path / "first/diagnostic.yaml").read_text(encoding="utf-8")
    assert "points:\n      collectif: 3\n      valeurs: 1" in first
    assert "warning: Venez en parler à un comptoir." in first
    DiagnosticQuestion.objects.all().delete()
    import_pack(tmp_path / "first")
    export_pack(tmp_path / "second")
    assert (tmp_path / "second/diagnostic.yaml").read_text(encoding="utf-8") == first
