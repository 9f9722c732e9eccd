"""The idea box's public form: what a visitor sees when sending, and what is stored."""

import pytest

from django.core.cache import cache
from django.test import Client

from ..models import Idea

pytestmark = pytest.mark.django_db

URL = "/boite-a-idees/"


def idea(**changes):
    data = {
        "kind": "question",
        "text": "Faut-il une association pour candidater ?",
        "name": "Samia",
        "email": "samia@example.org",
        "consent": "yes",
        "website": "",
    }
    return {**data, **changes}


def test_the_form_shows_labelled_fields_a_length_limit_and_the_trap_field(client):
    html = client.get(URL).content.decode()
    assert '<label for="id_text">' in html
    assert 'maxlength="2000"' in html
    assert "<legend>" in html
    assert 'name="website"' in html and 'class="trap"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_sent_idea_is_stored_with_the_consent_and_the_visitor_sees_the_thanks(client):
    response = client.post(URL, idea(), follow=True)
    assert response.redirect_chain == [("/boite-a-idees/merci/", 302)]
    assert "votre message est envoyé" in response.content.decode()
    stored = Idea.objects.get()
    assert (stored.kind, stored.text, stored.email) == (
        "question",
        "Faut-il une association pour candidater ?",
        "samia@example.org",
    )
    assert stored.consent_to_publish is True
    assert stored.status == "new"


def test_a_refusal_to_publish_is_recorded(client):
    client.post(URL, idea(consent="no", email=""))
    assert Idea.objects.get().consent_to_publish is False


def test_the_choice_about_publication_must_be_made(client):
    response = client.post(URL, idea(consent=""))
    assert response.status_code == 400
    assert "Dites-nous si nous pouvons publier votre message." in response.content.decode()
    assert not Idea.objects.exists()


def test_an_over_long_text_is_refused_and_kept_in_the_form(client):
    text = "Une très longue idée. " * 100  # 2,200 characters
    response = client.post(URL, idea(text=text))
    html = response.content.decode()
    assert response.status_code == 400
    assert "2000 au plus" in html
    assert text.strip() in html
    assert not Idea.objects.exists()


def test_line_breaks_count_as_one_character_as_in_the_browser(client):
    text = ("a" * 99 + "\r\n") * 20  # 2,000 characters as the browser counts them
    assert client.post(URL, idea(text=text.strip())).status_code == 302
    assert len(Idea.objects.get().text) == 1999


def test_a_robot_filling_the_trap_field_is_thanked_and_nothing_is_stored(client):
    response = client.post(URL, idea(website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/boite-a-idees/merci/"
    assert not Idea.objects.exists()


def test_a_burst_of_posts_is_answered_429_with_the_text_kept(client, settings):
    settings.RELAIS_IDEA_POSTS_PER_HOUR = 2
    cache.clear()
    for number in range(2):
        assert client.post(URL, idea(text=f"Idée {number}")).status_code == 302
    response = client.post(URL, idea(text="Ma troisième idée, bien pensée"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "attendez une heure" in html
    assert "Ma troisième idée, bien pensée" in html
    assert Idea.objects.count() == 2


def test_html_and_scripts_are_stored_as_text_and_shown_escaped(client):
    text = '<script>alert("x")</script><b>gras</b>'
    client.post(URL, idea(text=text))
    assert Idea.objects.get().text == text
    response = client.post(URL, idea(text=text + "x" * 2000))
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, idea()).status_code == 403
    assert not Idea.objects.exists()


def test_a_post_with_the_token_from_the_form_is_accepted():
    client = Client(enforce_csrf_checks=True)
    client.get(URL)
    token = client.cookies["csrftoken"].value
    assert client.post(URL, idea(csrfmiddlewaretoken=token)).status_code == 302


def test_the_form_page_is_never_cached_and_the_thanks_page_sets_no_cookie(client):
    form_page = client.get(URL)
    assert "no-store" in form_page["Cache-Control"]
    assert set(form_page.cookies) == {"csrftoken"}
    thanks = Client().get("/boite-a-idees/merci/")
    assert thanks.status_code == 200
    assert not thanks.cookies
