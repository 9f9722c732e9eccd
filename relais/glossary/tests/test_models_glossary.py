"""A term is filed in French order, and a form may belong to one term only."""

import pytest

from django.core.exceptions import ValidationError

from relais.glossary.models import GlossaryTerm

from .factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db


def test_terms_are_listed_in_french_order_accents_and_case_ignored():
    for term in ["SCOP", "Économie", "ancrage", "écologie", "Budget"]:
        GlossaryTermFactory(term=term)
    terms = [t.term for t in GlossaryTerm.objects.all()]
    assert terms == ["ancrage", "Budget", "écologie", "Économie", "SCOP"]


def test_all_forms_are_the_term_its_synonyms_and_its_forms_each_once():
    term = GlossaryTermFactory(term="lauréat", synonyms="lauréate\n", forms=" lauréats \nlauréat")
    assert term.all_forms() == ["lauréat", "lauréate", "lauréats"]


def test_a_form_of_another_term_is_refused_whatever_its_accents_and_case():
    GlossaryTermFactory(term="économie sociale et solidaire", synonyms="ESS")
    term = GlossaryTerm(term="Entreprise", slug="entreprise", definition="Def.", forms="ess")
    with pytest.raises(ValidationError, match="économie sociale et solidaire"):
        term.full_clean()


def test_a_definition_longer_than_600_characters_is_refused():
    term = GlossaryTerm(term="Long", slug="long", definition="a" * 601)
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert "definition" in error.value.message_dict
