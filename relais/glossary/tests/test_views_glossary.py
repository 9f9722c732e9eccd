"""The glossary page lists every term in French order, each with its anchor and definition."""

import re

import pytest

from django.urls import reverse

from .factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db


def terms_in_order(html):
    return re.findall(r"<dfn>(.*?)</dfn>", html)


def test_every_term_is_shown_in_french_alphabetical_order_with_its_anchor(client):
    for term in ["SCOP", "économie sociale et solidaire", "Bénévolat", "ancrage local"]:
        GlossaryTermFactory(term=term)
    response = client.get("/glossaire/")
    assert response.status_code == 200
    html = response.content.decode()
    assert terms_in_order(html) == [
        "ancrage local",
        "Bénévolat",
        "économie sociale et solidaire",
        "SCOP",
    ]
    assert '<div class="glossary__entry" id="economie-sociale-et-solidaire">' in html


def test_the_definition_and_synonyms_are_shown_but_not_the_other_forms(client):
    GlossaryTermFactory(
        term="lauréat",
        definition="Un projet choisi par le vote des habitants.",
        synonyms="lauréate",
        forms="lauréats\nlauréates",
    )
    html = client.get("/glossaire/").content.decode()
    assert "<dd>Un projet choisi par le vote des habitants.</dd>" in html
    assert "Aussi appelé : lauréate</dd>" in html
    assert "lauréates" not in html


def test_an_alphabet_leads_to_the_letters_that_have_terms(client):
    GlossaryTermFactory(term="Écologie")
    GlossaryTermFactory(term="SCIC")
    html = client.get("/glossaire/").content.decode()
    assert re.findall(r'<a href="#lettre-(\w)">', html) == ["e", "s"]
    assert '<h2 class="glossary__letter" id="lettre-e">E</h2>' in html


def test_an_empty_glossary_says_so(client):
    html = client.get("/glossaire/").content.decode()
    assert "Aucun mot pour l'instant." in html


def test_every_public_page_links_to_the_glossary_in_its_footer(client, story_index):
    html = client.get(story_index.url).content.decode()
    assert f'<a href="{reverse("glossary:index")}">Les mots de l\'ESS</a>' in html


def test_a_term_links_to_its_anchor_on_the_glossary_page():
    term = GlossaryTermFactory(term="tiers-lieu")
    assert term.get_absolute_url() == "/glossaire/#tiers-lieu"
