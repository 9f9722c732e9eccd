"""Pages of the programme's data with their stories: stages, projects, ambassador portraits."""

import pytest

from relais.journey.models import Ambassador, LaureateProject, Stage


@pytest.mark.django_db
def test_stage_page_says_what_happens_and_lists_its_stories(client):
    stage = Stage.objects.get(slug="vote")
    response = client.get(stage.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert stage.name in html and "Étape 5 sur 8" in html
    for story in stage.stories.live():
        assert story.title.replace("'", "&#x27;") in html


@pytest.mark.django_db
def test_home_shows_the_stages_in_order(client):
    html = client.get("/").content.decode()
    strip = html[html.index('<ol class="stages">') :]
    positions = [strip.index(stage.name.replace("'", "&#x27;")) for stage in Stage.objects.all()]
    assert positions == sorted(positions)
    assert "Vous avez une idée ?" in html


@pytest.mark.django_db
def test_project_page_shows_editions_and_amounts(client):
    project = LaureateProject.objects.filter(editions__labelled=True).first()
    edition = project.editions.filter(labelled=True).first()
    html = client.get(project.get_absolute_url()).content.decode()
    assert str(edition.year) in html
    assert project.carrier.replace("'", "&#x27;") in html


@pytest.mark.django_db
def test_ambassador_without_opt_in_has_no_public_page(client):
    hidden = Ambassador.objects.filter(public_profile=False).first()
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert hidden.display_name not in client.get("/ambassadeurs/").content.decode()


@pytest.mark.django_db
def test_ambassador_portrait_has_photo_alt_text(client):
    ambassador = Ambassador.objects.filter(public_profile=True).exclude(photo=None).first()
    html = client.get(ambassador.get_absolute_url()).content.decode()
    assert f'alt="{ambassador.photo_alt}"' in html


@pytest.mark.django_db
def test_photo_requires_alt_text():
    from django.core.exceptions import ValidationError

    ambassador = Ambassador.objects.exclude(photo=None).first()
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
    ambassador = Ambassador.objects.filter(public_profile=True).first()
    ambassador.years_labelled = years
    ambassador.save()
    html = client.get(ambassador.get_absolute_url()).content.decode()
    assert sentence in html
    assert "Labellisé en" not in html
