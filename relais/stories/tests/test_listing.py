"""The story listing: filters combine, links are shareable, it works without JavaScript."""

import pytest

from relais.journey.models import Stage, Territory, Theme
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
