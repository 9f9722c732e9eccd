"""faq/*.md: FAQ entries are imported by slug under their stage, checked, and exported back."""

import pytest

from relais.ideas.models import FaqEntry
from relais.packs.services import PackInvalid, export_pack, import_pack

from .conftest import edit

pytestmark = pytest.mark.django_db

WHO = """\
---
slug: qui-peut-proposer
question: Qui peut proposer une idée ?
stage: proposer
order: 2
---
Tout habitant de Testville, seul ou à plusieurs.

Pas besoin d'être une association.
"""
WHEN = """\
---
slug: quand-voter
question: Quand vote-t-on ?
---
En septembre, en ligne ou dans les mairies.
"""


@pytest.fixture
def faq_pack(pack_dir):
    (pack_dir / "faq").mkdir()
    (pack_dir / "faq/qui-peut-proposer.md").write_text(WHO, encoding="utf-8")
    (pack_dir / "faq/quand-voter.md").write_text(WHEN, encoding="utf-8")
    return pack_dir


def refused(pack_dir):
    with pytest.raises(PackInvalid) as caught:
        import_pack(pack_dir)
    assert not FaqEntry.objects.exists()
    return "\n".join(map(str, caught.value.errors))


def test_entries_are_imported_published_under_their_stage(faq_pack):
    import_pack(faq_pack)
    who = FaqEntry.objects.get(slug="qui-peut-proposer")
    assert (who.question, who.stage.slug, who.sort_order, who.published) == (
        "Qui peut proposer une idée ?",
        "proposer",
        2,
        True,
    )
    assert who.answer == (
        "Tout habitant de Testville, seul ou à plusieurs.\n\nPas besoin d'être une association."
    )
    assert FaqEntry.objects.get(slug="quand-voter").stage is None


def test_importing_again_changes_nothing_and_an_edit_updates_the_entry(faq_pack):
    import_pack(faq_pack)
    assert [row for row in import_pack(faq_pack).changed() if row[1] == "faq"] == []
    edit(faq_pack / "faq/quand-voter.md", "en ligne", "sur internet")
    changed = [row for row in import_pack(faq_pack).changed() if row[1] == "faq"]
    assert changed == [("updated", "faq", "quand-voter")]
    assert FaqEntry.objects.count() == 2


def test_an_unknown_stage_is_refused_with_its_file_and_line(faq_pack):
    edit(faq_pack / "faq/qui-peut-proposer.md", "stage: proposer", "stage: inconnue")
    assert "faq/qui-peut-proposer.md:4: étape inconnue : inconnue" in refused(faq_pack)


def test_an_entry_without_answer_is_refused(faq_pack):
    edit(faq_pack / "faq/quand-voter.md", "En septembre, en ligne ou dans les mairies.\n", "")
    assert "faq/quand-voter.md" in refused(faq_pack)


def test_export_writes_the_published_entries_and_imports_to_the_same_ones(faq_pack, tmp_path):
    import_pack(faq_pack)
    FaqEntry.objects.create(question="Brouillon ?", answer="Pas encore.", published=False)
    export_pack(tmp_path / "first")
    assert sorted(p.name for p in (tmp_path / "first/faq").iterdir()) == [
        "quand-voter.md",
        "qui-peut-proposer.md",
    ]
    assert (tmp_path / "first/faq/qui-peut-proposer.md").read_text(encoding="utf-8") == WHO
    FaqEntry.objects.all().delete()
    import_pack(tmp_path / "first")
    export_pack(tmp_path / "second")
    for name in ("quand-voter.md", "qui-peut-proposer.md"):
        first = (tmp_path / "first/faq" / name).read_bytes()
        assert (tmp_path / "second/faq" / name).read_bytes() == first
