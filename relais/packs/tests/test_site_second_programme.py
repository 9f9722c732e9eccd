"""A collectivity's own pack on an empty site: its programme shows, nothing of another one."""

import pytest
from bs4 import BeautifulSoup

from relais.journey.models import Stage
from relais.packs.services import import_pack

from .conftest import VALMONT_PACK

pytestmark = pytest.mark.django_db

PAS_DE_CALAIS = ["Pas-de-Calais", "Budget citoyen", "comptoir", "Liévin", "11 ans"]


@pytest.fixture
def valmont(db):
    import_pack(VALMONT_PACK)


def page_text(client, url):
    """Return what a visitor reads on a page (its text and its images' alternatives)."""
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    alternatives = [img.get("alt", "") for img in soup.find_all("img")]
    return " ".join([soup.get_text(" "), *alternatives])


@pytest.mark.parametrize("url", ["/", "/recits/"])
def test_home_and_listing_show_the_town_programme(client, valmont, url):
    text = page_text(client, url)
    assert "Valmont" in text
    for word in PAS_DE_CALAIS:
        assert word not in text, word


def test_the_home_shows_its_five_stages_and_voting_age(client, valmont):
    text = page_text(client, "/")
    for stage in Stage.objects.all():
        assert stage.name in text
    assert Stage.objects.count() == 5
    assert "dès 16 ans" in text


def test_each_stage_page_shows_the_town_programme(client, valmont):
    for stage in Stage.objects.all():
        text = page_text(client, stage.get_absolute_url())
        assert stage.name in text
        for word in PAS_DE_CALAIS:
            assert word not in text, (stage.slug, word)
