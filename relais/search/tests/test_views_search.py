"""The search page and the box on every page, as a visitor sees them."""

import pytest

from django.urls import reverse

from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(story_index, reindex):
    source = StoryPageFactory(parent=story_index, title="Le jardin", intro="Un jardin partagé.")
    KnowledgeCardFactory(
        title="Planter un jardin",
        body="Un jardin <img src=x onerror=alert(1)> au printemps.",
        sources=[{"story": source}],
    )
    reindex()


def get(client, **params):
    return client.get(reverse("search:results"), params)


def test_every_page_has_one_labelled_search_box(client, content):
    html = client.get("/").content.decode()
    assert html.count('role="search"') == 1
    assert 'for="header-search-q"' in html
    assert 'action="/recherche/"' in html


def test_results_are_grouped_by_type_with_counts_and_highlighted(client, content):
    response = get(client, q="jardins")
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 résultats pour « jardins »" in html
    assert 'Fiches <span class="count">(1)</span>' in html
    assert "Planter un <mark>jardin</mark>" in html
    assert "<mark>jardin</mark> &lt;img src=x onerror=alert(1)&gt; au" in html  # text only
    assert "<img src=x" not in html


def test_a_filter_by_type_keeps_the_query(client, content):
    html = get(client, q="jardin", type="card").content.decode()
    assert "1 résultat pour « jardin »" in html
    assert 'href="/recherche/?q=jardin&amp;type=card" aria-current="true"' in html


def test_no_result_page_suggests_where_to_look(client, content):
    html = get(client, q="zzzyyyxxx").content.decode()
    assert "Aucun résultat pour « zzzyyyxxx »" in html
    assert reverse("glossary:index") in html
    assert reverse("knowledge:cards") in html
    assert "Guide de l’étape" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Tapez un ou deux mots"),
        ("AND", "Nous n’avons pas trouvé de mot à chercher"),  # an operator is a stop word
        ('"*', "Nous n’avons pas trouvé de mot à chercher"),
        ("NEAR(", "Aucun résultat"),
        ("<script>alert(1)</script>", "&lt;script&gt;"),
        ("jardin " * 2000, "seuls ses 200 premiers caractères"),
    ],
)
def test_any_query_answers_a_french_page(client, content, query, message):
    response = get(client, q=query, page="999999999999", etape="x", theme="<b>")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "<script>alert" not in response.content.decode()


def test_results_are_not_kept_in_the_page_cache(client, content):
    assert "no-cache" in get(client, q="jardin")["Cache-Control"]


def test_results_come_before_the_filters_on_a_phone(client, content):
    html = get(client, q="jardin").content.decode()
    assert html.index('class="search-hits"') < html.index('class="search-filters"')
    assert 'href="#search-filters"' in html  # a phone reaches the filters in one step


def test_a_page_past_the_end_shows_the_last_page(client, story_index, reindex):
    for number in range(12):
        StoryPageFactory(parent=story_index, title=f"Potager {number}", intro="Un potager.")
    reindex()
    html = get(client, q="potager", page="999").content.decode()
    assert "Page 2 sur 2" in html
    assert "page=1" in html and "page=49" not in html
    assert html.count('class="search-hit"') == 2


def test_no_result_page_points_to_the_faq_and_the_idea_box(client, content):
    html = get(client, q="zzzyyyxxx").content.decode()
    suggestions = html[html.index('class="search-suggestions"') :].split("</section>")[0]
    assert f'href="{reverse("ideas:faq")}"' in suggestions
    assert f'href="{reverse("ideas:idea_box")}"' in suggestions


def test_a_corrected_word_is_said_on_the_page(client, content):
    html = get(client, q="jardni").content.decode()
    assert "Aucun résultat pour « jardni » ; résultats pour « jardin »." in html


def test_past_the_counting_cap_the_page_says_more_than(client, content, monkeypatch):
    monkeypatch.setattr("relais.search.views.COUNT_CAP", 1000)
    monkeypatch.setattr("relais.search.services.COUNT_CAP", 1)
    html = get(client, q="jardin").content.decode()
    assert "Plus de 1\xa0000 résultats pour « jardin »" in html
    filters = html[html.index('class="search-filters"') :]
    assert 'class="count"' not in filters  # not counted past the cap
    assert ">Histoires</a>" in filters and ">Fiches</a>" in filters
