"""The story listing: filters combine, links are shareable, it works without JavaScript."""

import html
import re

import pytest

from relais.journey.models import LaureateProject, Stage, Territory, Theme
from relais.stories.models import StoryPage


def titles(response):
    return {story.title for story in response.context["stories"]}


@pytest.mark.django_db
def test_listing_shows_all_live_stories(client):
    response = client.get("/histoires/")
    assert response.status_code == 200
    assert titles(response) == set(StoryPage.objects.live().values_list("title", flat=True))
    assert "12 histoires" in response.content.decode()


@pytest.mark.django_db
def test_filter_by_stage_is_a_plain_get_form(client):
    html = client.get("/histoires/").content.decode()
    assert '<form class="filters" method="get"' in html
    assert '<label for="id_etape">Étape</label>' in html
    stage = Stage.objects.get(slug="comptoir")
    response = client.get("/histoires/", {"etape": "comptoir"})
    expected = set(StoryPage.objects.live().filter(stages=stage).values_list("title", flat=True))
    assert expected and titles(response) == expected


@pytest.mark.django_db
def test_filters_combine(client):
    theme = Theme.objects.filter(stories__isnull=False).first()
    stage = theme.stories.first().stages.first()
    response = client.get(f"/histoires/?etape={stage.slug}&theme={theme.slug}")
    expected = set(
        StoryPage.objects.live()
        .filter(stages=stage)
        .filter(themes=theme)
        .values_list("title", flat=True)
    )
    assert titles(response) == expected
    assert stage.name in response.content.decode()


@pytest.mark.django_db
def test_filter_by_intercommunality_includes_its_communes(client):
    story = StoryPage.objects.live().exclude(project=None).first()
    epci = story.project.commune.parent
    response = client.get("/histoires/", {"territoire": epci.slug})
    assert story.title in titles(response)
    other = Territory.objects.filter(kind="intercommunality").exclude(pk=epci.pk).first()
    assert story.title not in titles(client.get("/histoires/", {"territoire": other.slug}))


@pytest.mark.django_db
def test_filter_by_edition_year(client):
    story = StoryPage.objects.live().exclude(project=None).first()
    year = story.project.editions.first().year
    response = client.get("/histoires/", {"annee": year})
    assert story.title in titles(response)
    assert all(
        year in [e.year for e in s.project.editions.all()] for s in response.context["stories"]
    )


@pytest.mark.django_db
def test_unknown_filter_value_is_ignored_not_an_error(client):
    response = client.get("/histoires/", {"etape": "nexiste-pas", "theme": "culture"})
    assert response.status_code == 200
    culture = set(
        StoryPage.objects.live().filter(themes__slug="culture").values_list("title", flat=True)
    )
    assert titles(response) == culture


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, story_index):
    for number in range(15):
        story = StoryPage(title=f"Histoire {number}", intro="Résumé.", body=[])
        story_index.add_child(instance=story)
        story.themes.set(Theme.objects.filter(slug="culture"))
        story.save()
    response = client.get("/histoires/", {"theme": "culture"})
    html = response.content.decode()
    assert "Page 1 sur 2" in html
    assert 'href="?theme=culture&amp;page=2"' in html
    second = client.get("/histoires/", {"theme": "culture", "page": 2})
    assert second.context["stories"].number == 2


def options(response, name):
    """Return the labels of a filter menu, in the order shown, without the "all" choice."""
    select = re.search(rf'<select name="{name}".*?</select>', response.content.decode(), re.S)
    labels = re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', select.group())
    return [html.unescape(label) for label in labels]


def publish_story(index, title, themes=(), project=None):
    story = StoryPage(title=title, intro="Résumé.", body=[], project=project)
    index.add_child(instance=story)
    story.themes.set(themes)
    story.save_revision().publish()
    return story


@pytest.mark.django_db
def test_empty_result_offers_to_remove_a_filter_or_see_everything(client, story_index):
    """A filter combination without stories is no dead end: each filter can be removed."""
    Theme.objects.create(name="Santé sans histoire", slug="sante-vide")
    response = client.get("/histoires/", {"theme": "sante-vide", "etape": "comptoir"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "0 histoire" in page
    assert "Retirez un filtre" in page
    assert '<a href="?etape=comptoir">Retirer le filtre « Santé sans histoire »</a>' in page
    assert '<a href="?theme=sante-vide">Retirer le filtre « Comptoir' in page
    assert f'<a class="button" href="{story_index.url}">Voir toutes les histoires</a>' in page


@pytest.mark.django_db
def test_menus_offer_only_values_with_a_live_story(client, story_index):
    """Themes, stages and territories without a published story are not offered."""
    Theme.objects.create(name="Thème sans histoire", slug="sans-histoire")
    draft_only = Theme.objects.create(name="Thème en brouillon", slug="brouillon")
    draft = StoryPage(title="Brouillon", intro="Résumé.", body=[], live=False)
    story_index.add_child(instance=draft)
    draft.themes.set([draft_only])
    draft.save_revision()
    commune = Territory.objects.create(name="Commune sans projet", slug="vide", kind="commune")
    response = client.get("/histoires/")
    themes = options(response, "theme")
    assert "Culture" in themes
    assert "Thème sans histoire" not in themes
    assert "Thème en brouillon" not in themes
    assert commune.name not in options(response, "territoire")
    assert Stage.objects.first().name in options(response, "etape")


@pytest.mark.django_db
def test_a_value_asked_for_in_the_url_stays_selected(client):
    """An old link to a theme without stories still says which theme it filtered on."""
    Theme.objects.create(name="Thème sans histoire", slug="sans-histoire")
    page = client.get("/histoires/", {"theme": "sans-histoire"}).content.decode()
    assert '<option value="sans-histoire" selected>Thème sans histoire</option>' in page


@pytest.mark.django_db
def test_menus_are_in_french_alphabetical_order(client, story_index):
    """Accents and case do not push a name to the end of the list."""
    names = ["Économie", "Fête", "dynamique", "Zèbre", "Œuvres"]
    themes = [Theme.objects.create(name=name, slug=f"t{i}") for i, name in enumerate(names)]
    project = LaureateProject.objects.first()
    communes = [
        Territory.objects.create(name=name, slug=f"c{i}", kind="commune")
        for i, name in enumerate(["Estrée", "Éperlecques", "Desvres"])
    ]
    for commune in communes:
        publish_story(
            story_index,
            f"Histoire à {commune.name}",
            themes=themes,
            project=LaureateProject.objects.create(
                programme=project.programme,
                name=f"Projet à {commune.name}",
                slug=f"projet-{commune.slug}",
                carrier="Collectif",
                commune=commune,
                short_description="Projet.",
            ),
        )
    response = client.get("/histoires/")
    shown = [name for name in options(response, "theme") if name in names]
    assert shown == ["dynamique", "Économie", "Fête", "Œuvres", "Zèbre"]
    shown = [name for name in options(response, "territoire") if name.startswith(("D", "E", "É"))]
    assert shown == ["Desvres", "Éperlecques", "Estrée"]
