"""glossary/*.md: terms are imported by slug, checked with their file and line, exported back."""

import pytest

from relais.glossary.models import GlossaryTerm
from relais.packs.services import PackInvalid, export_pack, import_pack

from .conftest import edit

pytestmark = pytest.mark.django_db

ESS = """\
---
slug: ess
term: économie sociale et solidaire
synonyms: [ESS]
forms: [économies sociales et solidaires]
---
Une économie qui met les personnes avant le profit.
"""
SCOP = """\
---
slug: scop
term: SCOP
synonyms:
- société coopérative et participative
---
Une entreprise dont les salariés sont les associés majoritaires.
"""


@pytest.fixture
def glossary_pack(pack_dir):
    (pack_dir / "glossary").mkdir()
    (pack_dir / "glossary/ess.md").write_text(ESS, encoding="utf-8")
    (pack_dir / "glossary/scop.md").write_text(SCOP, encoding="utf-8")
    return pack_dir


def refused(pack_dir):
    with pytest.raises(PackInvalid) as caught:
        import_pack(pack_dir)
    assert not GlossaryTerm.objects.exists()
    return "\n".join(map(str, caught.value.errors))


def test_terms_are_imported_with_their_definition_synonyms_and_forms(glossary_pack):
    import_pack(glossary_pack)
    ess = GlossaryTerm.objects.get(slug="ess")
    assert ess.term == "économie sociale et solidaire"
    assert ess.definition == "Une économie qui met les personnes avant le profit."
    assert ess.synonym_list == ["ESS"]
    assert ess.form_list == ["économies sociales et solidaires"]
    assert GlossaryTerm.objects.get(slug="scop").synonym_list == [
        "société coopérative et participative"
    ]


def test_importing_again_changes_nothing_and_an_edit_updates_the_term_by_slug(glossary_pack):
    import_pack(glossary_pack)
    again = import_pack(glossary_pack)
    assert [row for row in again.changed() if row[1] == "glossary"] == []
    edit(glossary_pack / "glossary/scop.md", "majoritaires.", "majoritaires, ensemble.")
    changes = import_pack(glossary_pack)
    assert [row for row in changes.changed() if row[1] == "glossary"] == [
        ("updated", "glossary", "scop")
    ]
    assert GlossaryTerm.objects.get(slug="scop").definition.endswith("ensemble.")
    assert GlossaryTerm.objects.count() == 2


def test_a_term_without_definition_is_refused_with_its_file_and_line(glossary_pack):
    edit(glossary_pack / "glossary/scop.md", "Une entreprise dont les salariés", "")
    edit(glossary_pack / "glossary/scop.md", " sont les associés majoritaires.\n", "")
    assert "glossary/scop.md:7: la définition manque sous l'en-tête YAML" in refused(glossary_pack)


def test_a_definition_over_600_characters_is_refused(glossary_pack):
    edit(glossary_pack / "glossary/scop.md", "majoritaires.", "majoritaires." + " long" * 120)
    assert "glossary/scop.md:7: la définition est trop longue : 600 caractères au maximum" in (
        refused(glossary_pack)
    )


def test_a_duplicate_slug_names_both_files(glossary_pack):
    (glossary_pack / "glossary/scop-bis.md").write_text(SCOP, encoding="utf-8")
    assert (
        "glossary/scop.md:2: slug en double scop : déjà utilisé par glossary/scop-bis.md"
        in refused(glossary_pack)
    )


def test_a_form_of_two_terms_is_refused_accents_and_case_ignored(glossary_pack):
    edit(glossary_pack / "glossary/scop.md", "term: SCOP", "term: SCOP\nforms: [Ess]")
    assert "glossary/scop.md:4: « Ess » est déjà une forme du terme de glossary/ess.md" in (
        refused(glossary_pack)
    )


def test_synonyms_must_be_a_list_of_words(glossary_pack):
    edit(glossary_pack / "glossary/ess.md", "synonyms: [ESS]", "synonyms: [ESS, [x]]")
    assert "glossary/ess.md:4: synonyms doit être une liste de mots" in refused(glossary_pack)


def test_export_writes_each_term_back_and_imports_to_the_same_terms(glossary_pack, tmp_path):
    import_pack(glossary_pack)
    export_pack(tmp_path / "first")
    written = (tmp_path / "first/glossary/ess.md").read_text(encoding="utf-8")
    assert written == (
        "---\nslug: ess\nterm: économie sociale et solidaire\nsynonyms:\n- ESS\n"
        "forms:\n- économies sociales et solidaires\n---\n"
        "Une économie qui met les personnes avant le profit.\n"
    )
    GlossaryTerm.objects.all().delete()
    import_pack(tmp_path / "first")
    export_pack(tmp_path / "second")
    for name in ("ess.md", "scop.md"):
        first = (tmp_path / "first/glossary" / name).read_bytes()
        assert (tmp_path / "second/glossary" / name).read_bytes() == first
