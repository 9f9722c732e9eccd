"""The story listing: filters combine, links are shareable, it works without JavaScript."""

import html
import re

import pytest

from relais.journey.models import LaureateProject, Territory, Theme
from relais.journey.tests.factories import (
    LaureateProjectFactory,
    TerritoryFactory,
    ThemeFactory,
)
from relais.stories.models import StoryPage
from relais.stories.tests.factories import StoryPageFactory


def titles(response):
    return {story.title for story in response.context["stories"]}


@pytest.fixture
def shelf(story_index, programme, stages):
    """Three live stories and a draft, told at different stages, themes, places and years.

    "Le jardin" (idea, culture, Lens in CA Lens-Liévin, 2021), "La fête" (application,
    culture, Arras in CU Arras, 2023), "L'épicerie" (application, food, Lens, 2021).
    """
    culture = ThemeFactory(name="Culture", slug="culture")
    food = ThemeFactory(name="Alimentation", slug="alimentation")
    lens = TerritoryFactory(name="Lens", slug="lens", parent__name="CA de Lens-Liévin")
    arras = TerritoryFactory(name="Arras", slug="arras", parent__name="CU d'Arras")
    garden = LaureateProjectFactory(programme=programme, commune=lens, editions=[(2021, True, 0)])
    party = LaureateProjectFactory(programme=programme, commune=arras, editions=[(2023, True, 0)])
    idea, application = stages[0], stages[1]
    stories = {
        "jardin": StoryPageFactory(
            parent=story_index, title="Le jardin", project=garden, stages=[idea], themes=[culture]
        ),
        "fete": StoryPageFactory(
            parent=story_index,
            title="La fête",
            project=party,
            stages=[application],
            themes=[culture],
        ),
        "epicerie": StoryPageFactory(
            parent=story_index,
            title="L'épicerie",
            project=garden,
            stages=[application],
            themes=[food],
        ),
        "brouillon": StoryPageFactory(
            parent=story_index, title="Le brouillon", live=False, stages=[idea], themes=[culture]
        ),
    }
    return {
        "stories": stories,
        "culture": culture,
        "lens": lens,
        "arras": arras,
        "idea": idea,
        "application": application,
    }


@pytest.mark.django_db
def test_listing_shows_all_live_stories(client, shelf):
    response = client.get("/histoires/")
    assert response.status_code == 200
    assert titles(response) == {"Le jardin", "La fête", "L'épicerie"}
    assert "3 histoires" in response.content.decode()


@pytest.mark.django_db
def test_filter_by_stage_is_a_plain_get_form(client, shelf):
    html = client.get("/histoires/").content.decode()
    assert '<form class="filters" method="get"' in html
    assert '<label for="id_etape">Étape</label>' in html
    response = client.get("/histoires/", {"etape": shelf["application"].slug})
    assert titles(response) == {"La fête", "L'épicerie"}


@pytest.mark.django_db
def test_filters_combine(client, shelf):
    stage, theme = shelf["application"], shelf["culture"]
    response = client.get(f"/histoires/?etape={stage.slug}&theme={theme.slug}")
    assert titles(response) == {"La fête"}
    assert stage.name in response.content.decode()


@pytest.mark.django_db
def test_filter_by_intercommunality_includes_its_communes(client, shelf):
    lens_area, arras_area = shelf["lens"].parent, shelf["arras"].parent
    assert titles(client.get("/histoires/", {"territoire": lens_area.slug})) == {
        "Le jardin",
        "L'épicerie",
    }
    assert titles(client.get("/histoires/", {"territoire": arras_area.slug})) == {"La fête"}


@pytest.mark.django_db
def test_filter_by_edition_year(client, shelf):
    response = client.get("/histoires/", {"annee": 2023})
    assert titles(response) == {"La fête"}


@pytest.mark.django_db
def test_unknown_filter_value_is_ignored_not_an_error(client, shelf):
    response = client.get("/histoires/", {"etape": "nexiste-pas", "theme": "culture"})
    assert response.status_code == 200
    assert titles(response) == {"Le jardin", "La fête"}


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, story_index):
    culture = ThemeFactory(name="Culture", slug="culture")
    for number in range(15):
        StoryPageFactory(parent=story_index, title=f"Histoire {number}", themes=[culture])
    response = client.get("/histoires/", {"theme": "culture"})
    html = response.content.decode()
    assert "Page 1 sur 2" in html
    assert 'href="?theme=culture&amp;page=2"' in html
    second = client.get("/histoires/", {"theme": "culture", "page": 2})
    assert second.context["stories"].number == 2
    assert len(second.context["stories"]) == 3


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
def test_empty_result_offers_to_remove_a_filter_or_see_everything(client, story_index, shelf):
    """A filter combination without stories is no dead end: each filter can be removed."""
    Theme.objects.create(name="Santé sans histoire", slug="sante-vide")
    stage = shelf["application"]
    response = client.get("/histoires/", {"theme": "sante-vide", "etape": stage.slug})
    page = response.content.decode()
    assert response.status_code == 200
    assert "0 histoire" in page
    assert "Retirez un filtre" in page
    assert f'<a href="?etape={stage.slug}">Retirer le filtre « Santé sans histoire »</a>' in page
    assert '<a href="?theme=sante-vide">Retirer le filtre « Le dépôt du dossier »</a>' in page
    assert f'<a class="button" href="{story_index.url}">Voir toutes les histoires</a>' in page


@pytest.mark.django_db
def test_menus_offer_only_values_with_a_live_story(client, story_index, shelf):
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
    assert options(response, "etape") == [shelf["idea"].name, shelf["application"].name]


@pytest.mark.django_db
def test_a_value_asked_for_in_the_url_stays_selected(client):
    """An old link to a theme without stories still says which theme it filtered on."""
    Theme.objects.create(name="Thème sans histoire", slug="sans-histoire")
    page = client.get("/histoires/", {"theme": "sans-histoire"}).content.decode()
    assert '<option value="sans-histoire" selected>Thème sans histoire</option>' in page


@pytest.mark.django_db
def test_menus_are_in_french_alphabetical_order(client, story_index, programme):
    """Accents and case do not push a name to the end of the list."""
    names = ["Économie", "Fête", "dynamique", "Zèbre", "Œuvres"]
    themes = [Theme.objects.create(name=name, slug=f"t{i}") for i, name in enumerate(names)]
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
                programme=programme,
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


@pytest.mark.django_db
def test_every_story_is_on_exactly_one_page_newest_first(client, story_index):
    """The last pages, read from the end of the list, follow on from the first ones."""
    published = [StoryPageFactory(parent=story_index, title=f"Récit {n:02d}") for n in range(29)]
    pages = [client.get("/histoires/", {"page": number}).context["stories"] for number in (1, 2, 3)]
    assert [len(page) for page in pages] == [12, 12, 5]
    shown = [story.title for page in pages for story in page]
    assert shown == [story.title for story in reversed(published)]


@pytest.mark.django_db
def test_a_new_story_counts_at_once_in_the_listing(client, story_index):
    """The number of stories is counted once per content change, never left behind."""
    StoryPageFactory(parent=story_index)
    assert "1 histoire" in client.get("/histoires/").content.decode()
    StoryPageFactory(parent=story_index, title="Une deuxième histoire")
    html = client.get("/histoires/").content.decode()
    assert "2 histoires" in html and "Une deuxième histoire" in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{}, {"theme": "culture"}])
def test_every_page_shows_the_next_stories_and_a_publication_shows_at_once(
    client, story_index, monkeypatch, query
):
    """A list's ids are kept in slices (here of 5, pages of 12): pages cross slices in order."""
    monkeypatch.setattr("relais.stories.cards.IDS_PER_SLICE", 5)
    culture = ThemeFactory(name="Culture", slug="culture")
    for number in range(27):
        StoryPageFactory(parent=story_index, title=f"Histoire {number}", themes=[culture])
    newest_first = list(
        StoryPage.objects.live()
        .order_by("-first_published_at", "-id")
        .values_list("title", flat=True)
    )

    def shown():
        # the last page first: its slices are read from the other end of the list
        pages = {n: client.get("/histoires/", {**query, "page": n}) for n in (3, 1, 2)}
        return [story.title for n in (1, 2, 3) for story in pages[n].context["stories"]]

    assert shown() == newest_first
    publish_story(story_index, "La toute dernière", themes=[culture])
    assert shown() == ["La toute dernière", *newest_first]
