"""Search answers plain French: accents, plurals, typos, ranking, filters and bad input."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relais.glossary.tests.factories import GlossaryTermFactory
from relais.journey.tests.factories import LaureateProjectFactory, ThemeFactory
from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.search.models import SearchDocument
from relais.search.services import search
from relais.stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def public_card(story_index, **fields):
    """Return a card said by a story, so that it is public."""
    source = StoryPageFactory(parent=story_index, title="Source", intro="Une source.")
    return KnowledgeCardFactory(sources=[{"story": source, "quote": "Dit."}], **fields)


def titles(results):
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results.hits]


def test_accents_and_case_are_ignored(story_index, reindex):
    public_card(story_index, title="Ouvrir une épicerie", body="Des produits à petit prix.")
    reindex()
    assert titles(search("epicerie")) == ["Ouvrir une épicerie"]
    assert titles(search("ÉPICERIE")) == ["Ouvrir une épicerie"]


def test_plurals_and_feminines_find_the_singular(story_index, reindex):
    StoryPageFactory(
        parent=story_index,
        title="Au marché",
        intro="Une épicerie solidaire ouvre le samedi.",
    )
    reindex()
    assert titles(search("epiceries solidaires")) == ["Au marché"]


def test_one_typo_in_a_long_word_is_tolerated(story_index, reindex):
    public_card(story_index, title="Trouver des bénévoles", body="Demandez autour de vous.")
    reindex()
    results = search("benevloes")
    assert titles(results) == ["Trouver des bénévoles"]
    assert results.query.corrected == {"benevloes": "benevoles"}


def test_a_short_word_is_not_corrected(story_index, reindex):
    public_card(story_index, title="Un atelier vélo", body="Réparer ensemble.")
    reindex()
    assert search("velos").hits  # a plural, not a typo
    assert not search("vele").hits


def test_a_card_titled_with_the_words_comes_before_a_story_mentioning_them(story_index, reindex):
    StoryPageFactory(
        parent=story_index,
        title="Notre jardin partagé",
        intro="Un jardin au pied des immeubles.",
        body=[("text", "<p>Il a fallu écrire le budget prévisionnel avec des devis.</p>")],
    )
    public_card(story_index, title="Le budget prévisionnel", body="Listez chaque dépense.")
    reindex()
    assert titles(search("budget previsionnel"))[:2] == [
        "Le budget prévisionnel",
        "Notre jardin partagé",
    ]


def test_stop_words_alone_search_nothing(story_index, reindex):
    StoryPageFactory(parent=story_index, title="Le la les des", intro="Et ou donc.")
    reindex()
    results = search("le la des et")
    assert results.query.groups == []
    assert results.hits == []


def test_counts_per_kind_and_filters_by_kind_stage_and_theme(stages, story_index, reindex):
    food = ThemeFactory(name="Alimentation", slug="alimentation")
    public_card(story_index, title="Le compost", body="Compost.", stages=[stages[0]])
    public_card(story_index, title="Composter", body="Compost.", stages=[stages[1]], themes=[food])
    StoryPageFactory(parent=story_index, title="Un compost", intro="Le compost du quartier.")
    GlossaryTermFactory(term="compost", definition="Des déchets qui deviennent de la terre.")
    LaureateProjectFactory(name="Compost collectif", short_description="Un bac.", themes=[food])
    reindex()
    results = search("compost")
    assert results.kinds == {"card": 2, "story": 1, "glossary": 1, "project": 1}
    assert results.total == 5
    assert results.stages == {stages[0].pk: 1, stages[1].pk: 1}
    assert results.themes == {food.pk: 2}
    assert titles(search("compost", kind="card", stage=stages[1].pk)) == ["Composter"]
    assert sorted(titles(search("compost", theme=food.pk))) == ["Compost collectif", "Composter"]
    assert search("compost", kind="card").total == 2


def test_html_in_a_text_is_shown_escaped_in_the_excerpt(story_index, reindex):
    public_card(
        story_index, title="Affiche", body="<script>alert('x')</script> Une affiche colorée."
    )
    reindex()
    excerpt = str(search("affiche").hits[0].excerpt)
    assert "<script>" not in excerpt
    assert "&lt;script&gt;" in excerpt
    assert "<mark>affiche</mark>" in excerpt


def test_pages_of_ten_results(story_index, reindex):
    for n in range(12):
        StoryPageFactory(parent=story_index, title=f"Potager {n}", intro="Un potager.")
    reindex()
    first, second = search("potager"), search("potager", page=2)
    assert (first.total, len(first.hits), first.num_pages) == (12, 10, 2)
    assert len(second.hits) == 2
    assert not set(titles(first)) & set(titles(second))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "AND",
        "OR NOT",
        '"',
        '"épicerie',
        "*",
        "NEAR(",
        "a:b",
        "^",
        "x" * 10_000,
        "é" * 500,
    ],
)
def test_any_text_gives_results_or_nothing_never_an_error(text, story_index, reindex):
    public_card(story_index, title="Épicerie", body="Une épicerie.")
    reindex()
    results = search(text, kind="<b>", stage="x", theme="-1", page="abc")
    assert results.page == 1
    assert results.query.text == " ".join(text.split())[:200]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300), kind=st.text(max_size=10), page=st.text(max_size=5))
def test_no_text_makes_search_fail(story_index, reindex, text, kind, page):
    """Whatever a visitor types (signs, FTS syntax, control characters), search answers."""
    results = search(text, kind=kind, stage=page, theme=text[:5], page=page)
    assert results.total >= 0


def test_english_operators_are_left_out_not_corrected(story_index, reindex):
    public_card(story_index, title="Une note de frais", body="Gardez chaque ticket.")
    reindex()
    results = search("frais AND note OR NOT")
    assert [group[0] for group in results.query.groups] == ["frais", "note"]
    assert results.query.corrected == {}
    assert search("AND OR NOT").query.groups == []


def test_counting_stops_at_the_cap_and_says_more(story_index, reindex, monkeypatch):
    monkeypatch.setattr("relais.search.services.COUNT_CAP", 2)
    for n in range(3):
        public_card(story_index, title=f"Compost {n}", body="Du compost.")
    GlossaryTermFactory(term="compost", definition="Des déchets qui deviennent de la terre.")
    reindex()
    results = search("compost")
    assert (results.total, results.more, results.counted) == (2, True, False)
    assert (results.kinds, results.stages, results.themes) == ({}, {}, {})
    assert len(results.hits) == 4  # the page still shows every hit it can
    glossary = search("compost", kind="glossary")  # one kind under the cap: counted exactly
    assert (glossary.total, glossary.more) == (1, False)
    assert titles(glossary) == ["compost"]


def test_a_common_word_ranks_titles_first_then_mentions_last_indexed_first(
    story_index, reindex, monkeypatch
):
    """Past COMMON_MATCHES documents, a word counts where it is in a title; the documents
    that only mention it follow, the last indexed first, without being ranked. Only when
    there are more than COUNT_CAP matches: fewer are all ranked, at little cost."""
    monkeypatch.setattr("relais.search.services.COMMON_MATCHES", 3)
    monkeypatch.setattr("relais.search.services.COUNT_CAP", 2)
    public_card(story_index, title="Budget", body="Le budget.")
    public_card(story_index, title="Une affiche", body="Le budget de l'affiche, le budget.")
    public_card(story_index, title="Un goûter", body="Un budget pour un goûter de quartier.")
    public_card(story_index, title="Le stand", body="Un budget, une table.")
    public_card(story_index, title="Le vote", body="Chaque budget est voté, budget, budget.")
    reindex()
    mentions = SearchDocument.objects.exclude(title="Budget").filter(body__contains="budget")
    last_indexed_first = list(mentions.order_by("-pk").values_list("title", flat=True))
    assert titles(search("budget")) == ["Budget", *last_indexed_first]
    # A rarer word of the query is ranked wherever it is, before the common word's mentions.
    assert sorted(titles(search("budget quartier"))[:2]) == ["Budget", "Un goûter"]
    monkeypatch.setattr("relais.search.services.COUNT_CAP", 5)
    assert titles(search("budget")) != ["Budget", *last_indexed_first]  # all ranked


def test_pages_of_a_common_word_follow_one_order(story_index, reindex, monkeypatch):
    monkeypatch.setattr("relais.search.services.COMMON_MATCHES", 3)
    monkeypatch.setattr("relais.search.services.COUNT_CAP", 3)
    for n in range(4):
        public_card(story_index, title=f"Potager {n}", body="Un potager.")
    for n in range(20):
        StoryPageFactory(parent=story_index, title=f"Histoire {n}", intro="Notre potager.")
    reindex()
    pages = [titles(search("potager", page=n)) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [10, 10, 4]
    assert sorted(pages[0][:4]) == [f"Potager {n}" for n in range(4)]
    assert pages[0][4:] + pages[1] + pages[2] == [f"Histoire {n}" for n in range(19, -1, -1)]
