"""Pages of the programme's data with their stories: stages, projects, ambassador portraits."""

import pytest

from relais.journey.tests.factories import AmbassadorFactory, LaureateProjectFactory
from relais.stories.tests.factories import StoryPageFactory


@pytest.mark.django_db
def test_stage_page_says_what_happens_and_lists_its_stories(client, stages, story_index):
    stage = stages[1]
    told = StoryPageFactory(parent=story_index, title="Notre dossier", stages=[stage])
    elsewhere = StoryPageFactory(parent=story_index, title="Notre vote", stages=[stages[2]])
    response = client.get(stage.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert stage.name in html and "Étape 2 sur 3" in html
    assert told.title in html
    assert elsewhere.title not in html


@pytest.mark.django_db
def test_home_shows_the_stages_in_order(client, stages):
    html = client.get("/").content.decode()
    strip = html[html.index('<ol class="stages">') :]
    positions = [strip.index(stage.name.replace("'", "&#x27;")) for stage in stages]
    assert positions == sorted(positions)
    assert "Vous avez une idée ?" in html


@pytest.mark.django_db
def test_project_page_shows_editions_and_amounts(client, programme):
    """Each edition reads as a French line: labelled with the amount received, or not."""
    project = LaureateProjectFactory(
        programme=programme, editions=[(2021, True, 12500), (2023, False, None)]
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert "<li>2021 : labellisé, 12\u202f500\u00a0€ reçus</li>" in html
    assert "<li>2023 : candidature, non labellisé</li>" in html


@pytest.mark.django_db
def test_ambassador_without_opt_in_has_no_public_page(client):
    AmbassadorFactory(display_name="Une ambassadrice publique")
    hidden = AmbassadorFactory(display_name="Une ambassadrice discrète", public_profile=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert hidden.display_name not in client.get("/ambassadeurs/").content.decode()


@pytest.mark.django_db
def test_ambassador_portrait_has_photo_alt_text(client):
    ambassador = AmbassadorFactory(with_photo=True)
    html = client.get(ambassador.get_absolute_url()).content.decode()
    assert f'alt="{ambassador.photo_alt}"' in html


@pytest.mark.django_db
def test_photo_requires_alt_text():
    from django.core.exceptions import ValidationError

    ambassador = AmbassadorFactory(with_photo=True)
    ambassador.photo_alt = " "
    with pytest.raises(ValidationError):
        ambassador.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("years", "sentence"),
    [
        ("2019, 2022", "Années de labellisation : 2019 et 2022"),
        ("2019,2021, 2023", "Années de labellisation : 2019, 2021 et 2023"),
        ("2020", "Année de labellisation : 2020"),
    ],
)
def test_ambassador_years_read_as_a_french_list(client, years, sentence):
    """Years labelled read "2019 et 2022", in words that do not assume a gender."""
    ambassador = AmbassadorFactory(years_labelled=years)
    html = client.get(ambassador.get_absolute_url()).content.decode()
    assert sentence in html
    assert "Labellisé en" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 50], ids=["reading the index in order", "sorting matches"])
def test_a_stage_lists_its_newest_stories_whichever_way_the_database_reads(
    stages, story_index, rows
):
    """Both plans of `in_index_order` give the same stories in the same order."""
    from relais.stories.cards import in_index_order, story_cards
    from relais.stories.models import StoryPage

    stage = stages[0]
    told = [StoryPageFactory(parent=story_index, stages=[stage]) for _ in range(4)]
    StoryPageFactory(parent=story_index, stages=[stages[1]])
    stories = story_cards(StoryPage.objects.filter(stages=stage))
    read = list(in_index_order(stories, count=4, rows=rows)[:rows])
    assert read == list(reversed(told))[:rows]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 50], ids=["reading the index in order", "sorting matches"])
def test_a_listing_filtered_twice_lists_its_newest_stories_whichever_way_it_reads(
    stages, story_index, rows
):
    """With a stage and a theme, both plans of `in_index_order` give the same stories."""
    from relais.journey.tests.factories import ThemeFactory
    from relais.stories.cards import in_index_order, story_cards
    from relais.stories.models import StoryPage

    stage, theme = stages[0], ThemeFactory()
    told = [StoryPageFactory(parent=story_index, stages=[stage], themes=[theme]) for _ in range(3)]
    StoryPageFactory(parent=story_index, stages=[stage])
    StoryPageFactory(parent=story_index, themes=[theme])
    stories = story_cards(StoryPage.objects.child_of(story_index)).filter(stages=stage)
    stories = stories.filter(themes=theme)
    read = list(in_index_order(stories, count=3, rows=rows, filters=2)[:rows])
    assert read == list(reversed(told))[:rows]


@pytest.mark.django_db
def test_a_project_with_many_stories_lists_them_over_pages(client, programme, story_index):
    project = LaureateProjectFactory(programme=programme)
    for number in range(26):
        StoryPageFactory(parent=story_index, title=f"Récit {number:02d}", project=project)
    first = client.get(project.get_absolute_url()).content.decode()
    assert "Récit 25" in first and "Récit 02" in first and "Récit 01" not in first
    assert "Page 1 sur 2" in first
    last = client.get(project.get_absolute_url(), {"page": 2}).content.decode()
    assert "Récit 01" in last and "Récit 00" in last and "Récit 02" not in last


def test_sessions_show_their_place_on_the_stage_page_and_stay_off_the_home_calendar(
    client, programme, stages
):
    """The home lists the programme's periods; the stage page also lists where to go."""
    import datetime

    from relais.journey.models import ProgrammeDate
    from relais.journey.tests.factories import TerritoryFactory

    soon = datetime.date.today() + datetime.timedelta(days=30)
    stage = stages[0]
    ProgrammeDate.objects.create(programme=programme, stage=stage, starts_on=soon, label="Période")
    ProgrammeDate.objects.create(
        programme=programme,
        stage=stage,
        starts_on=soon,
        label="Atelier d'Exempleville",
        place="Salle Exemple, Exempleville",
        territory=TerritoryFactory(),
    )
    home = client.get("/").content.decode()
    guide = client.get(stage.get_absolute_url()).content.decode()
    assert "Période" in home and "Exempleville" not in home
    assert "Atelier d&#x27;Exempleville" in guide and "Salle Exemple, Exempleville" in guide
