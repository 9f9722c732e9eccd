"""Editors change the questions and their answers in the admin (a snippet, answers inline)."""

import pytest

from django.urls import reverse

from .factories import DiagnosticQuestionFactory

pytestmark = pytest.mark.django_db


def test_the_question_list_and_a_question_with_its_answers_open_in_the_admin(admin_client):
    question = DiagnosticQuestionFactory(text="Êtes-vous plusieurs ?")
    listing = admin_client.get(reverse("wagtailsnippets_diagnostic_diagnosticquestion:list"))
    assert "Êtes-vous plusieurs ?" in listing.content.decode()
    edit = admin_client.get(
        reverse("wagtailsnippets_diagnostic_diagnosticquestion:edit", args=[question.pk])
    )
    content = edit.content.decode()
    assert edit.status_code == 200
    assert "Points (de 0 à 3)" in content
    assert 'value="oui"' in content and "Valeurs de l&#x27;ESS" in content


def test_an_answer_giving_two_things_at_once_is_refused(stages):
    from django.core.exceptions import ValidationError

    from relais.diagnostic.models import DiagnosticAnswer
    from relais.journey.tests.factories import ThemeFactory

    question = DiagnosticQuestionFactory()
    answer = DiagnosticAnswer(
        question=question, value="x", label="X", theme=ThemeFactory(), stage=stages[0]
    )
    with pytest.raises(ValidationError):
        answer.clean()
