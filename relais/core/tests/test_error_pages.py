"""French error pages in the site's layout, and a favicon.

The test settings have DEBUG off, so Django renders the project's own 404 and 500 pages.
"""

from unittest import mock

import pytest

from django.contrib.staticfiles import finders
from django.urls import path

from config.urls import handler500  # noqa: F401 (Django reads it on this URLconf module)
from config.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("boom")


# This module is also the URLconf of the 500 tests: the site plus a view that fails.
urlpatterns = [path("test-erreur/", broken_view), *site_urlpatterns]


@pytest.mark.django_db
def test_missing_page_answers_a_french_404_in_the_site_layout(client):
    response = client.get("/cette-page-n-existe-pas/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page introuvable" in html and "Cette page n'existe pas" in html
    assert '<a class="button" href="/">Retour à l\'accueil</a>' in html
    assert "Département du Pas-de-Calais" in html  # the funder mention of the footer
    assert 'class="site-header"' in html


@pytest.fixture
def failing_client(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
def test_server_error_answers_a_french_500_with_the_funder(failing_client):
    response = failing_client.get("/test-erreur/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Désolé, un problème est survenu de notre côté" in html
    assert '<a class="button" href="/">Retour à l\'accueil</a>' in html
    assert "css/relais.css" in html and 'class="site-header"' in html
    assert "Département du Pas-de-Calais" in html


@pytest.mark.django_db
def test_server_error_page_survives_a_failing_database(failing_client):
    with mock.patch("relais.core.views.FunderSettings.load", side_effect=RuntimeError):
        response = failing_client.get("/test-erreur/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Retour à l'accueil" in html
    assert "Avec le soutien de" not in html


@pytest.mark.django_db
def test_favicon_is_linked_and_served(client):
    html = client.get("/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    for name in ("img/favicon.ico", "img/favicon.svg", "img/favicon-32.png"):
        assert finders.find(name), name
