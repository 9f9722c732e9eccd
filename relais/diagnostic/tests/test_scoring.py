"""Readiness per dimension: points over the most each question can give, in three levels."""

from relais.diagnostic.questions import Answer, Question
from relais.diagnostic.scoring import ALMOST, READY, TO_WORK, chosen_answers, profile


def question(slug, *answers):
    return Question(slug=slug, text=slug, help_text="", glossary=None, answers=answers)


QUESTIONS = [
    question(
        "groupe",
        Answer("seul", "Seul", {}),
        Answer("deux", "À deux", {"collectif": 1}),
        Answer("groupe", "En groupe", {"collectif": 3, "valeurs": 1}),
    ),
    question(
        "habitants",
        Answer("non", "Non", {}),
        Answer("oui", "Oui", {"collectif": 1, "valeurs": 3}),
    ),
    question(
        "theme",
        Answer("alimentation", "Manger", {}, theme=(7, "Alimentation")),
        Answer("autre", "Autre", {}),
    ),
    question(
        "territoire",
        Answer("arras", "Arras", {}, territory=(3, "Arrageois", None)),
        Answer("ailleurs", "Ailleurs", {}),
    ),
]


def readiness(values):
    person = profile(QUESTIONS, chosen_answers(QUESTIONS, values))
    return {item.dimension: item for item in person.readiness}, person


def test_each_dimension_counts_its_points_over_the_most_the_questions_can_give():
    by_dimension, _person = readiness({"groupe": "groupe", "habitants": "non"})
    assert (by_dimension["collectif"].points, by_dimension["collectif"].maximum) == (3, 4)
    assert (by_dimension["valeurs"].points, by_dimension["valeurs"].maximum) == (1, 4)


def test_levels_are_ready_from_75_percent_almost_from_40_and_else_to_work_on():
    by_dimension, _person = readiness({"groupe": "groupe", "habitants": "non"})
    assert by_dimension["collectif"].level == READY  # 3 / 4
    assert by_dimension["valeurs"].level == TO_WORK  # 1 / 4
    by_dimension, _person = readiness({"groupe": "deux", "habitants": "oui"})
    assert by_dimension["collectif"].level == ALMOST  # 2 / 4
    assert by_dimension["collectif"].level_label == "Presque"


def test_advice_is_given_only_where_the_idea_is_not_ready():
    by_dimension, _person = readiness({"groupe": "groupe", "habitants": "non"})
    assert by_dimension["collectif"].advice == ""
    assert "ESS" in str(by_dimension["valeurs"].advice)


def test_dimensions_no_question_counts_on_are_left_out():
    by_dimension, _person = readiness({})
    assert set(by_dimension) == {"collectif", "valeurs"}
    assert by_dimension["collectif"].points == 0


def test_the_explanation_names_the_answers_the_person_picked_not_the_institutional_names():
    _by_dimension, person = readiness({"theme": "alimentation", "territoire": "arras"})
    assert person.theme == (7, "Alimentation")
    assert person.reasons == ("Manger", "Arras")  # not "Arrageois"
    _by_dimension, person = readiness({"theme": "autre", "territoire": "inconnu"})
    assert person.theme is None and person.reasons == ()


def test_the_bar_rounds_the_share_to_tens_for_its_width():
    by_dimension, _person = readiness({"groupe": "deux", "habitants": "non"})
    assert by_dimension["collectif"].percent == 25
    assert by_dimension["collectif"].bar_step in (20, 30)
