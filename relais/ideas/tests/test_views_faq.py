"""The public FAQ: published questions by stage, in the programme's order, each with an anchor;
cached, and made stale by a change to an entry only."""

from html import unescape

import pytest

from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .factories import FaqEntryFactory, IdeaFactory

pytestmark = pytest.mark.django_db

URL = "/questions-frequentes/"


def headings(html):
    """Return the titles of the FAQ's sections, unescaped."""
    sections = html.split('<section class="faq__section"')[1:]
    return [
        unescape(part.split("<h2", 1)[1].split(">", 1)[1].split("<", 1)[0]) for part in sections
    ]


def test_sections_follow_the_stages_order_with_general_questions_last(client, stages):
    FaqEntryFactory(question="Et les questions générales ?")
    FaqEntryFactory(question="Quand a lieu le vote ?", stage=stages[2])
    FaqEntryFactory(question="Qui peut proposer une idée ?", stage=stages[0])
    html = client.get(URL).content.decode()
    assert headings(html) == [stages[0].name, stages[2].name, "Questions générales"]
    assert html.index("Qui peut proposer") < html.index("Quand a lieu") < html.index("Et les")


def test_each_entry_has_an_anchor_its_address_points_to(client):
    entry = FaqEntryFactory(question="Combien puis-je demander ?", slug="combien")
    assert entry.get_absolute_url() == "/questions-frequentes/#faq-combien"
    html = client.get(URL).content.decode()
    assert '<details class="faq__entry" id="faq-combien">' in html
    assert "<summary>Combien puis-je demander ?</summary>" in html


def test_unpublished_entries_are_not_shown(client):
    FaqEntryFactory(question="Une question en attente ?", published=False)
    html = client.get(URL).content.decode()
    assert "Une question en attente" not in html
    assert "Aucune question n'a encore de réponse." in html


def test_answers_are_shown_as_escaped_paragraphs(client):
    FaqEntryFactory(answer='Premier point.\n\n<script>alert("x")</script>')
    html = client.get(URL).content.decode()
    assert "<p>Premier point.</p>" in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html


def test_a_slug_is_made_from_the_question_and_kept_unique(db):
    first = FaqEntryFactory(question="Qui peut candidater ?", slug="")
    second = FaqEntryFactory(question="Qui peut candidater ?", slug="")
    assert (first.slug, second.slug) == ("qui-peut-candidater", "qui-peut-candidater-2")


@pytest.fixture
def cache_on(settings):
    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def served_from_cache(url):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200
    assert not response.cookies
    return not [q for q in queries.captured_queries if "core_cachetag" not in q["sql"]]


def test_the_faq_is_cached_and_goes_stale_when_an_entry_is_published(cache_on):
    entry = FaqEntryFactory(question="Première question ?")
    assert not served_from_cache(URL)
    assert served_from_cache(URL)
    IdeaFactory()  # a new idea shows on no public page
    assert served_from_cache(URL)
    FaqEntryFactory(question="Nouvelle question ?")
    assert not served_from_cache(URL)
    assert "Nouvelle question ?" in Client().get(URL).content.decode()
    entry.delete()
    assert "Première question ?" not in Client().get(URL).content.decode()


def test_an_entry_change_leaves_other_pages_cached(cache_on):
    assert not served_from_cache("/glossaire/")
    FaqEntryFactory()
    assert served_from_cache("/glossaire/")
