"""The personal path: readiness, stage, dates, and the stories, cards and people that fit."""

import datetime

import pytest

from django.utils import timezone

from relais.journey.models import ProgrammeDate
from relais.journey.tests.factories import (
    AmbassadorFactory,
    LaureateProjectFactory,
)
from relais.knowledge.services import add_source
from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.stories.tests.factories import StoryPageFactory

from .factories import answers

pytestmark = pytest.mark.django_db

RESULT = "/mon-idee/resultat/"


def test_the_result_shows_readiness_per_dimension_in_words_and_numbers(client, world):
    response = client.get(RESULT, answers(groupe="seul"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Collectif" in content and "À travailler" in content
    assert "0 point sur 3" in content
    response = client.get(RESULT, answers(groupe="groupe", etape="vote"))
    content = response.content.decode()
    assert "Prêt" in content and "3 points sur 3" in content
    assert 'class="readiness__fill readiness__fill--100"' in content


def test_the_matching_is_explained_with_what_the_person_chose(client, world):
    content = client.get(RESULT, answers()).content.decode()
    assert "Parce que vous avez choisi\u00a0:" in content
    assert "<strong>Alimentation, Arrageois, L&#x27;idée</strong>" in content


def test_a_missing_answer_shows_the_questions_again_with_a_french_summary_and_the_answers_kept(
    client, world
):
    query = answers()
    del query["groupe"]
    response = client.get(RESULT, query)
    content = response.content.decode()
    assert response.status_code == 200
    assert "1 question n'a pas de réponse" in content
    assert '<a href="#id_groupe_0">Êtes-vous seul ou à plusieurs\u00a0?</a>' in content
    assert 'value="alimentation" id="id_theme_0" checked' in content
    assert 'value="arrageois" id="id_territoire_0" checked' in content


def test_the_stage_and_the_next_ones_come_with_this_years_dates_only(client, world):
    today = timezone.localdate()
    programme, stages = world["programme"], world["stages"]
    ProgrammeDate.objects.create(
        programme=programme,
        stage=stages[1],
        label="Dépôt cette année",
        starts_on=today + datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=40),
    )
    ProgrammeDate.objects.create(
        programme=programme,
        stage=stages[1],
        label="Dépôt de l'an dernier",
        starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=300),
    )
    content = client.get(RESULT, answers(etape="idee")).content.decode()
    assert "Vous êtes ici" in content
    assert "Dépôt cette année" in content
    assert str((today + datetime.timedelta(days=40)).year) in content
    assert "Dépôt de l&#x27;an dernier" not in content


def two_comptoirs(world):
    """Add a comptoir on the coast in 2 days and one in Arras in 9 days."""
    today = timezone.localdate()
    for days, label, territory in (
        (2, "Comptoir du port", "coast"),
        (9, "Comptoir d'Arras", "arras"),
    ):
        ProgrammeDate.objects.create(
            programme=world["programme"],
            stage=world["stages"][0],
            label=label,
            starts_on=today + datetime.timedelta(days=days),
            place="Salle des fêtes",
            territory=world[territory],
        )


def test_the_comptoir_of_the_persons_territory_comes_before_a_sooner_one_elsewhere(client, world):
    two_comptoirs(world)
    content = client.get(RESULT, answers()).content.decode()
    assert "Le comptoir près de chez vous" in content and "Comptoir d&#x27;Arras" in content
    assert "Comptoir du port" not in content  # the one near them only


def test_without_a_session_in_the_territory_all_the_sessions_are_listed(client, world):
    two_comptoirs(world)
    content = client.get(RESULT, answers(territoire="ailleurs")).content.decode()
    section = content.split('id="comptoir-title"')[1].split("</section>")[0]
    assert "Les prochains comptoirs" in section
    assert section.index("Comptoir du port") < section.index("Comptoir d&#x27;Arras")


def story(world, title, *, themes=(), stages=(), commune=None):
    project = LaureateProjectFactory(commune=commune) if commune else None
    return StoryPageFactory(
        parent=world["index"],
        title=title,
        themes=list(themes),
        stages=list(stages),
        project=project,
    )


def test_stories_of_the_theme_territory_and_stage_come_first_then_others_fill_in(client, world):
    stages = world["stages"]
    best = story(
        world,
        "Une épicerie à Achicourt",
        themes=[world["food"]],
        stages=[stages[0]],
        commune=world["commune"],
    )
    same_theme = story(world, "Un potager", themes=[world["food"]])
    for number in range(4):
        story(world, f"Un club de sport {number}", themes=[world["sport"]])
    content = client.get(RESULT, answers()).content.decode()
    section = content.split('id="path-stories-title"')[1].split("</section>")[0]
    assert section.index(best.title) < section.index(same_theme.title)
    assert section.count('class="card"') == 2 and "club de sport" not in section
    # The others fill the list under a heading that does not say they fit.
    others = content.split('id="path-other-stories-title"')[1].split("</section>")[0]
    assert "D'autres histoires pour vous inspirer" in others
    assert others.count('class="card"') == 4 and "Un club de sport 0" in others


def test_cards_that_share_neither_theme_nor_territory_are_not_said_to_fit(client, world):
    source = StoryPageFactory(parent=world["index"], body=[("text", "<p>On a osé.</p>")])
    for name, themes in (("Carte cuisine", [world["food"]]), ("Carte sport", [world["sport"]])):
        add_source(KnowledgeCardFactory(title=name, themes=themes), story=source, quote="On a osé.")
    content = client.get(RESULT, answers()).content.decode()
    fitting = content.split('id="path-cards-title"')[1].split("</section>")[0]
    others = content.split('id="path-other-cards-title"')[1].split("</section>")[0]
    assert "Carte cuisine" in fitting and "Carte sport" not in fitting
    assert "Carte sport" in others


def test_the_explanation_uses_the_answer_the_person_picked(client, world):
    from relais.diagnostic.models import DiagnosticAnswer

    DiagnosticAnswer.objects.filter(value="arrageois").update(label="Autour d'Arras")
    content = client.get(RESULT, answers()).content.decode()
    reasons = content.split("Parce que vous avez choisi")[1].split("</strong>")[0]
    assert "Autour d&#x27;Arras" in reasons and "Arrageois" not in reasons


def test_cards_of_the_theme_and_stage_come_first(client, world):
    stages = world["stages"]
    source = StoryPageFactory(parent=world["index"], body=[("text", "<p>On a osé.</p>")])
    cards = {}
    for name, themes, card_stages in (
        ("Carte sport", [world["sport"]], [stages[2]]),
        ("Carte alimentation au début", [world["food"]], [stages[0]]),
        ("Carte alimentation au vote", [world["food"]], [stages[2]]),
    ):
        cards[name] = KnowledgeCardFactory(title=name, themes=themes, stages=card_stages)
        add_source(cards[name], story=source, quote="On a osé.")
    content = client.get(RESULT, answers()).content.decode()
    section = content.split('id="path-cards-title"')[1]  # then the other tips
    order = [section.index(name) for name in cards]
    assert order[1] < order[2] < order[0]


def test_only_ambassadors_who_accept_questions_are_offered_those_of_the_theme_first(client, world):
    food_project = LaureateProjectFactory(themes=[world["food"]])
    AmbassadorFactory(
        display_name="Zoé Alimentation", accepts_questions=True, projects=[food_project]
    )
    AmbassadorFactory(display_name="Anne Ailleurs", accepts_questions=True)
    AmbassadorFactory(display_name="Bruno Discret", accepts_questions=False)
    AmbassadorFactory(display_name="Carole Cachée", accepts_questions=True, public_profile=False)
    content = client.get(RESULT, answers()).content.decode()
    section = content.split('id="path-ambassadors-title"')[1].split("</section>")[0]
    assert section.index("Zoé Alimentation") < section.index("Anne Ailleurs")
    anne = section.split("Anne Ailleurs")[1]
    assert "proche du vôtre" not in anne and "Près de chez vous" not in anne
    assert "Bruno Discret" not in section and "Carole Cachée" not in section
    assert "Écrire à Zoé Alimentation" in section  # the form that relays their question


def test_nothing_is_stored_when_the_result_is_shown(client, world):
    from relais.diagnostic.models import KeptPath

    client.get(RESULT, answers())
    assert not KeptPath.objects.exists()
    assert not client.cookies


def test_the_result_page_costs_the_same_few_queries_whatever_the_content(
    client, world, django_assert_max_num_queries
):
    for number in range(3):
        story(world, f"Histoire {number}", themes=[world["food"]])
    client.get(RESULT, answers())  # the rankings and rendered cards are kept per content
    with django_assert_max_num_queries(4):
        client.get(RESULT, answers())
    with django_assert_max_num_queries(12):
        client.get(RESULT, answers(theme="sport"))  # another ranking, the cards are kept


def test_a_cached_path_goes_stale_when_a_fitting_story_is_published(client, settings, world):
    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    client.get(RESULT, answers())  # cached, with no story yet
    story(world, "Une cantine nouvelle", themes=[world["food"]])
    assert "Une cantine nouvelle" in client.get(RESULT, answers()).content.decode()


def test_a_cached_question_page_goes_stale_when_a_question_changes(client, settings, world):
    from relais.diagnostic.models import DiagnosticQuestion

    settings.RELAIS_PAGE_CACHE_SECONDS = 600
    client.get("/mon-idee/")
    question = DiagnosticQuestion.objects.get(slug="groupe")
    question.text = "Avec qui portez-vous l'idée ?"
    question.save()
    assert "Avec qui portez-vous l&#x27;idée" in client.get("/mon-idee/").content.decode()


def test_the_result_without_any_answer_shows_the_questions_with_a_short_french_message(
    client, world
):
    response = client.get(RESULT)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Vous n'avez encore choisi aucune réponse." in content
    assert 'name="groupe" value="seul"' in content


def test_an_ambassador_of_the_territory_only_is_said_to_be_near_not_to_share_the_idea(
    client, world
):
    near_project = LaureateProjectFactory(themes=[world["sport"]], commune=world["commune"])
    AmbassadorFactory(display_name="Nora Voisine", accepts_questions=True, projects=[near_project])
    content = client.get(RESULT, answers()).content.decode()
    nora = content.split("Nora Voisine</a>")[1].split("</article>")[0]
    assert "Près de chez vous" in nora and "proche du vôtre" not in nora


def test_a_blocking_answer_is_said_plainly_near_the_top_with_what_to_do(client, world):
    from relais.diagnostic.models import DiagnosticAnswer

    DiagnosticAnswer.objects.filter(value="seul").update(
        warning="Un projet du Budget citoyen est porté par un groupe : cherchez deux personnes."
    )
    content = client.get(RESULT, answers(groupe="seul")).content.decode()
    warnings = content.split('id="warnings-title"')[1].split("</section>")[0]
    assert "Important avant d'aller plus loin" in content
    assert "porté par un groupe\u00a0: cherchez deux personnes." in warnings
    assert content.index('id="warnings-title"') < content.index('id="readiness-title"')
    content = client.get(RESULT, answers(groupe="groupe")).content.decode()
    assert 'id="warnings-title"' not in content


def test_an_all_low_result_leads_with_encouragement_and_the_first_thing_to_do(client, world):
    first = world["stages"][0].slug
    content = client.get(RESULT, answers(groupe="seul", etape=first)).content.decode()
    assert "Votre idée commence tout juste, et c'est normal" in content
    assert "Première chose à faire" in content
    assert content.index("Première chose à faire") < content.index('id="readiness-title"')
    content = client.get(RESULT, answers(groupe="groupe")).content.decode()
    assert "Première chose à faire" not in content
