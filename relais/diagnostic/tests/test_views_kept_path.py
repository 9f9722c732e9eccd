"""Keeping a path: only the answers, under an unguessable link that its holder may delete."""

import pytest

from relais.diagnostic.models import KeptPath

from .factories import KeptPathFactory, answers

pytestmark = pytest.mark.django_db

KEEP = "/mon-idee/garder/"


def test_the_result_offers_to_keep_the_path_through_a_page_that_says_what_is_kept(client, world):
    content = client.get("/mon-idee/resultat/", answers()).content.decode()
    assert 'href="/mon-idee/garder/?theme=alimentation&amp;' in content
    response = client.get(KEEP, answers())
    content = response.content.decode()
    assert "Pas de nom, pas d'adresse e-mail." in content
    assert '<input type="hidden" name="groupe" value="groupe">' in content
    assert not KeptPath.objects.exists()


def test_keeping_stores_the_answers_alone_under_a_long_random_token(client, world):
    response = client.post(KEEP, answers())
    kept = KeptPath.objects.get()
    assert kept.answers == answers()
    assert len(kept.token) >= 32
    assert response.status_code == 302
    assert response["Location"] == f"/mon-idee/parcours/{kept.token}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Votre parcours est gardé à cette adresse." in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex"


def test_two_kept_paths_get_different_tokens(client, world):
    client.post(KEEP, answers())
    client.post(KEEP, answers())
    assert len(set(KeptPath.objects.values_list("token", flat=True))) == 2


def test_an_unknown_token_answers_not_found(client, world):
    KeptPathFactory(answers=answers())
    assert client.get("/mon-idee/parcours/nimporte-quoi-de-long-et-faux/").status_code == 404


def test_the_holder_of_the_link_deletes_the_path_and_the_link_then_answers_not_found(client, world):
    kept = KeptPathFactory(answers=answers())
    url = f"/mon-idee/parcours/{kept.token}/"
    assert "Supprimer mon parcours" in client.get(url).content.decode()
    response = client.post(f"{url}supprimer/", {"confirm": "yes"})
    assert response.status_code == 200
    assert "Vos réponses sont supprimées." in response.content.decode()
    assert not KeptPath.objects.exists()
    assert client.get(url).status_code == 404
    assert client.post(f"{url}supprimer/", {"confirm": "yes"}).status_code == 404


def test_deleting_asks_to_tick_a_confirmation_box_first(client, world):
    kept = KeptPathFactory(answers=answers())
    url = f"/mon-idee/parcours/{kept.token}/"
    assert 'type="checkbox" name="confirm"' in client.get(url).content.decode()
    response = client.post(f"{url}supprimer/")
    assert response.status_code == 400
    assert "Cochez la case pour confirmer" in response.content.decode()
    assert KeptPath.objects.exists()


def test_a_printed_kept_path_shows_its_address(client, world):
    kept = KeptPathFactory(answers=answers())
    content = client.get(f"/mon-idee/parcours/{kept.token}/").content.decode()
    printed = content.split('class="path-print-link"')[1].split("</p>")[0]
    assert f"http://testserver/mon-idee/parcours/{kept.token}/" in printed


def test_deleting_needs_a_post(client, world):
    kept = KeptPathFactory(answers=answers())
    assert client.get(f"/mon-idee/parcours/{kept.token}/supprimer/").status_code == 405
    assert KeptPath.objects.exists()


def test_a_robot_filling_the_trap_field_keeps_nothing(client, world):
    response = client.post(KEEP, answers() | {"website": "http://spam.example"})
    assert response.status_code == 302
    assert not KeptPath.objects.exists()


def test_a_burst_of_kept_paths_answers_429_in_french_and_keeps_the_answers(client, world):
    for _ in range(10):
        client.post(KEEP, answers())
    response = client.post(KEEP, answers())
    content = response.content.decode()
    assert response.status_code == 429
    assert "Attendez quelques minutes" in content
    assert '<input type="hidden" name="theme" value="alimentation">' in content
    assert KeptPath.objects.count() == 10


def test_keeping_with_a_missing_answer_shows_the_questions_with_the_answers_kept(client, world):
    values = answers()
    del values["etape"]
    response = client.post(KEEP, values)
    content = response.content.decode()
    assert "1 question n'a pas de réponse" in content
    assert 'value="alimentation" id="id_theme_0" checked' in content
    assert not KeptPath.objects.exists()


def test_keeping_needs_the_csrf_token(world):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(KEEP, answers())
    assert response.status_code == 403
    assert not KeptPath.objects.exists()


def test_a_kept_path_whose_question_was_removed_still_shows_what_remains(client, world):
    from relais.diagnostic.models import DiagnosticQuestion

    kept = KeptPathFactory(answers=answers())
    DiagnosticQuestion.objects.filter(slug="groupe").delete()
    content = client.get(f"/mon-idee/parcours/{kept.token}/").content.decode()
    assert "Alimentation" in content
