"""Editors manage the glossary as a Wagtail snippet, listed in French order and searchable."""

import pytest

from relais.glossary.models import GlossaryTerm

from .factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/glossary/glossaryterm/"


def test_the_admin_lists_terms_in_french_order(admin_client):
    for term in ["SCOP", "écologie", "Budget"]:
        GlossaryTermFactory(term=term)
    html = admin_client.get(LIST).content.decode()
    assert html.index("Budget") < html.index("écologie") < html.index("SCOP")


def test_the_admin_finds_a_term_by_a_synonym(admin_client):
    GlossaryTermFactory(term="économie sociale et solidaire", synonyms="ESS")
    GlossaryTermFactory(term="SCOP")
    html = admin_client.get(LIST, {"q": "ESS"}).content.decode()
    assert "économie sociale et solidaire" in html and "SCOP" not in html


def test_an_editor_adds_a_term_whose_forms_are_one_per_line(admin_client):
    response = admin_client.post(
        f"{LIST}add/",
        {
            "term": "tiers-lieu",
            "slug": "tiers-lieu",
            "definition": "Un lieu partagé.",
            "synonyms": "",
            "forms": "tiers-lieux\ntiers lieux",
        },
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.get().all_forms() == ["tiers-lieu", "tiers-lieux", "tiers lieux"]
