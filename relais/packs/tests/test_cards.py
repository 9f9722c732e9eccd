"""cards/*.md: knowledge cards quoting the pack's stories, imported, checked and exported."""

import pytest

from relais.collect.tests.factories import AnswerFactory
from relais.journey.models import Ambassador, Programme
from relais.knowledge.models import CardSource, CardType, KnowledgeCard
from relais.knowledge.services import add_source
from relais.packs.services import PackInvalid, export_pack, import_pack

from .conftest import edit
from .test_services_export import files

pytestmark = pytest.mark.django_db

SECOND_STORY = """\
---
slug: deux
title: Un deuxième récit
intro: Ben raconte le vote.
ambassadors: [ben]
stages: [voter]
blocks:
  conseil:
    type: tip
    kind: astuce
    title: Votez en famille
    text: Dès 16 ans, chacun choisit ses projets.
---
C'est en venant à trois que tout a changé.

{{ conseil }}
"""

CARD = """\
---
slug: venez-a-plusieurs
type: astuce
title: Venez à plusieurs
stages: [proposer, voter]
themes: [jeunesse]
territory: testville
sources:
- story: un-recit
  quote: avec du gras
- story: deux
  quote: C’est en venant   à trois
---
Au premier rendez-vous, venez à plusieurs : on retient mieux, on ose plus.
"""

AMBASSADOR = """\
---
slug: {slug}
name: {name}
---
Une ambassadrice d'essai.
"""


@pytest.fixture
def card_pack(pack_dir):
    """The small pack, with two ambassadors, a second story and a card quoting both."""
    for slug, name in (("ana", "Ana"), ("ben", "Ben")):
        path = pack_dir / f"ambassadors/{slug}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(AMBASSADOR.format(slug=slug, name=name), encoding="utf-8")
    edit(
        pack_dir / "stories/un-recit.md",
        "project: un-projet\n",
        "project: un-projet\nambassadors: [ana]\n",
    )
    (pack_dir / "stories/deux.md").write_text(SECOND_STORY, encoding="utf-8")
    (pack_dir / "cards").mkdir()
    (pack_dir / "cards/venez-a-plusieurs.md").write_text(CARD, encoding="utf-8")
    return pack_dir


def refused(pack_dir):
    with pytest.raises(PackInvalid) as caught:
        import_pack(pack_dir)
    assert Programme.objects.count() == 0
    return "\n".join(map(str, caught.value.errors))


def test_a_card_is_imported_with_its_sources_and_who_says_it(card_pack):
    changes = import_pack(card_pack)
    card = KnowledgeCard.objects.get(slug="venez-a-plusieurs")
    assert ("created", "card", "venez-a-plusieurs") in changes.changed()
    assert card.is_public and card.card_type.slug == "astuce"
    assert card.body.startswith("Au premier rendez-vous")
    assert sorted(card.stages.values_list("slug", flat=True)) == ["proposer", "voter"]
    assert list(card.themes.values_list("slug", flat=True)) == ["jeunesse"]
    assert card.territory.slug == "testville"
    assert card.cited_by == 2
    assert [(s.story.slug, s.ambassador.slug, s.quote) for s in card.sources.all()] == [
        ("un-recit", "ana", "avec du gras"),
        ("deux", "ben", "C’est en venant   à trois"),
    ]
    assert card.is_example is False


def test_an_explicit_ambassador_is_kept(card_pack):
    edit(
        card_pack / "cards/venez-a-plusieurs.md",
        "  quote: avec du gras\n",
        "  quote: avec du gras\n  ambassador: ben\n",
    )
    import_pack(card_pack)
    card = KnowledgeCard.objects.get()
    assert card.cited_by == 1
    assert {s.ambassador.slug for s in card.sources.all()} == {"ben"}


def test_importing_cards_twice_changes_nothing(card_pack):
    import_pack(card_pack)
    sources = list(CardSource.objects.values_list("pk", flat=True))
    changes = import_pack(card_pack)
    assert changes.changed() == []
    assert list(CardSource.objects.values_list("pk", flat=True)) == sources


def test_an_edited_card_is_updated_and_its_sources_follow_the_pack(card_pack):
    import_pack(card_pack)
    path = card_pack / "cards/venez-a-plusieurs.md"
    edit(path, "- story: deux\n  quote: C’est en venant   à trois\n", "")
    edit(path, "on ose plus.", "on ose davantage.")
    changes = import_pack(card_pack)
    card = KnowledgeCard.objects.get()
    assert changes.changed() == [("updated", "card", "venez-a-plusieurs")]
    assert card.body.endswith("on ose davantage.")
    assert card.cited_by == 1
    assert [s.story.slug for s in card.sources.all()] == ["un-recit"]


def test_card_types_can_be_added_and_renamed(card_pack):
    (card_pack / "card-types.yaml").write_text(
        "types:\n"
        "- {slug: astuce, name: Petite astuce, plural_name: Petites astuces}\n"
        "- {slug: question, name: Question, plural_name: Questions}\n",
        encoding="utf-8",
    )
    edit(card_pack / "cards/venez-a-plusieurs.md", "type: astuce", "type: question")
    import_pack(card_pack)
    assert KnowledgeCard.objects.get().card_type.name == "Question"
    assert CardType.objects.get(slug="astuce").name == "Petite astuce"
    assert list(CardType.objects.values_list("slug", flat=True)[:2]) == ["astuce", "question"]


CARD_FILE = "cards/venez-a-plusieurs.md"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("type: astuce", "type: truc", "3: type de fiche inconnu : truc (types connus : "),
        ("[proposer, voter]", "[proposer, rever]", "5: étape inconnue : rever"),
        ("stages: [proposer, voter]", "stages: []", "5: une fiche appartient à une étape au moins"),
        ("[jeunesse]", "[sport]", "6: thème inconnu : sport"),
        ("territory: testville", "territory: ailleurs", "7: territoire inconnu : ailleurs"),
        ("- story: deux", "- story: trois", "11: récit inconnu : trois"),
        (
            "  quote: avec du gras\n",
            "  quote: avec du gras\n  ambassador: zoe\n",
            "9: ambassadeur inconnu : zoe",
        ),
        (
            "quote: avec du gras",
            "quote: avec du maigre",
            "9: cette citation ne figure pas dans le récit un-recit : recopiez ses mots exactement",
        ),
        (
            "Au premier rendez-vous",
            "x" * 600,
            "14: le texte de la fiche est trop long : 652 caractères, 600 au maximum",
        ),
        (
            "Au premier rendez-vous, venez à plusieurs : on retient mieux, on ose plus.\n",
            "",
            "14: le texte de la fiche manque sous l'en-tête YAML",
        ),
        (
            CARD[CARD.index("sources:") : CARD.index("---\nAu")],
            "sources: []\n",
            "8: sources est vide : citez au moins un récit",
        ),
    ],
)
def test_a_bad_card_is_refused_with_its_file_and_line(card_pack, old, new, message):
    edit(card_pack / CARD_FILE, old, new)
    assert f"{CARD_FILE}:{message}" in refused(card_pack)


def test_a_missing_sources_key_is_refused(card_pack):
    path = card_pack / CARD_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("sources:")] + text[text.index("---\nAu") :])
    assert f"{CARD_FILE}:2: sources manque" in refused(card_pack)


def test_a_duplicate_card_slug_names_both_files(card_pack):
    (card_pack / "cards/copie.md").write_text(CARD, encoding="utf-8")
    assert (
        "cards/venez-a-plusieurs.md:2: slug en double venez-a-plusieurs : "
        "déjà utilisé par cards/copie.md" in refused(card_pack)
    )


def test_every_problem_of_a_card_is_reported_at_once(card_pack):
    edit(card_pack / CARD_FILE, "type: astuce", "type: truc")
    edit(card_pack / CARD_FILE, "quote: avec du gras", "quote: avec du maigre")
    edit(card_pack / CARD_FILE, "Au premier rendez-vous", "x" * 600)
    message = refused(card_pack)
    assert f"{CARD_FILE}:3: type de fiche inconnu" in message
    assert f"{CARD_FILE}:9: cette citation ne figure pas" in message
    assert f"{CARD_FILE}:14: le texte de la fiche est trop long" in message


def test_testimony_sources_are_untouched_by_a_reimport_and_never_exported(card_pack, tmp_path):
    import_pack(card_pack)
    card = KnowledgeCard.objects.get()
    answer = AnswerFactory(text="Mon témoignage privé : venez à plusieurs au premier rendez-vous.")
    voice = Ambassador.objects.create(
        slug="cleo", display_name="Cléo", bio="", account=answer.testimony.owner
    )
    add_source(card, quote="venez à plusieurs au premier rendez-vous", answer=answer)
    edit(card_pack / CARD_FILE, "- story: deux\n  quote: C’est en venant   à trois\n", "")
    assert import_pack(card_pack).changed() == [("updated", "card", "venez-a-plusieurs")]
    card.refresh_from_db()
    assert card.sources.filter(answer=answer, ambassador=voice).exists()
    assert card.cited_by == 2  # Ana's story and Cléo's answer
    export_pack(tmp_path / "out")
    exported = files(tmp_path / "out")
    card_file = exported["cards/venez-a-plusieurs.md"].decode()
    assert "story: un-recit" in card_file
    assert "venez à plusieurs au premier rendez-vous" not in card_file
    assert "Cléo".encode() not in b"".join(exported.values())


def test_a_card_quoting_only_testimonies_is_not_exported(card_pack, tmp_path):
    import_pack(card_pack)
    private = KnowledgeCard.objects.create(
        slug="dite-en-entretien",
        title="Dite en entretien",
        body="…",
        card_type=CardType.objects.get(slug="piege"),
    )
    add_source(private, quote="un jardin", answer=AnswerFactory())
    out = export_pack(tmp_path / "out")
    exported = files(tmp_path / "out")
    assert "cards/venez-a-plusieurs.md" in exported
    assert "cards/dite-en-entretien.md" not in exported
    assert out.notes == [
        "1 fiche publiée n'a pas été exportée : elle ne cite que des témoignages "
        "(données personnelles) ou des récits non publiés."
    ]


def test_cards_export_then_import_into_an_empty_site_give_the_same_files(card_pack, tmp_path):
    from .test_services_export import empty_site

    import_pack(card_pack)
    export_pack(tmp_path / "first")
    empty_site()
    assert not KnowledgeCard.objects.exists()
    import_pack(tmp_path / "first")
    export_pack(tmp_path / "second")
    first, second = files(tmp_path / "first"), files(tmp_path / "second")
    assert first == second
    assert "card-types.yaml" in first
    assert "story: deux" in first["cards/venez-a-plusieurs.md"].decode()
