"""Every public page tells a newcomer what to do next: apply, the next dates, whom to ask."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from relais.journey.models import ProgrammeDate, Stage
from relais.journey.tests.factories import AmbassadorFactory

PLATFORM = "https://candidature.example.org/budget"


@pytest.fixture
def programme(programme):
    """The site's programme with a recognisable platform and contact."""
    programme.application_url = PLATFORM
    programme.application_label = "Proposer mon idée ici"
    programme.contact_name = "L'équipe d'essai"
    programme.contact_email = "essai@example.org"
    programme.contact_phone = "03 53 01 99 99"
    programme.save()
    return programme


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.mark.django_db
def test_every_public_page_ends_with_what_next(client, programme, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert "Et maintenant ?" in html, url
        assert f'href="{PLATFORM}"' in html, url
        assert "essai@example.org" in html, url


@pytest.mark.django_db
def test_application_stage_links_to_the_programme_platform(client, programme, stages):
    stage = stages[1]
    stage.action_label = "Déposer mon dossier"
    stage.action_url = ""
    stage.save()
    html = client.get(stage.get_absolute_url()).content.decode()
    assert f'<a class="button" href="{PLATFORM}">Déposer mon dossier</a>' in html


@pytest.mark.django_db
def test_ambassador_stage_links_to_the_contributor_space(client, programme, stages):
    stage = stages[-1]
    stage.action_label = "Raconter mon parcours"
    stage.action_url = "/contribuer/"
    stage.save()
    html = client.get(stage.get_absolute_url()).content.decode()
    assert '<a class="button" href="/contribuer/">Raconter mon parcours</a>' in html


@pytest.mark.django_db
def test_stage_without_action_text_shows_no_action_button(client, programme, stages):
    stage = stages[0]
    stage.action_label = ""
    stage.save()
    html = client.get(stage.get_absolute_url()).content.decode()
    main = html[: html.index("Et maintenant ?")]
    assert PLATFORM not in main


@pytest.mark.django_db
def test_home_and_stage_show_the_next_dates_not_the_past_ones(client, programme, stages):
    stage = stages[-1]
    programme.dates = [
        ProgrammeDate(label="Réunion passée", starts_on=in_days(-30), ends_on=in_days(-2)),
        ProgrammeDate(stage=stage, starts_on=in_days(5), ends_on=in_days(20)),
    ]
    programme.save()
    upcoming = programme.dates.get(stage=stage).period
    home = client.get("/").content.decode()
    assert upcoming in home and "Réunion passée" not in home
    assert "Les prochaines dates" in home
    assert upcoming in client.get(stage.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ((2026, 3, 2), (2026, 5, 15), "du 2 mars au 15 mai 2026"),
        ((2026, 12, 14), (2027, 1, 8), "du 14 décembre 2026 au 8 janvier 2027"),
        ((2026, 11, 19), None, "le 19 novembre 2026"),
    ],
)
def test_periods_read_as_french_words(start, end, words):
    date = ProgrammeDate(
        label="x",
        starts_on=datetime.date(*start),
        ends_on=datetime.date(*end) if end else None,
    )
    with translation.override("fr"):
        assert date.period == words


@pytest.mark.django_db
def test_ambassador_page_offers_a_way_to_ask_a_question(client, programme):
    ambassador = AmbassadorFactory()
    html = client.get(ambassador.get_absolute_url()).content.decode()
    section = html[html.index('id="contact-title"') : html.index("Et maintenant ?")]
    assert "Poser une question à" in section
    assert 'href="mailto:essai@example.org"' in section
    assert 'href="tel:0353019999"' in section
    assert "bientôt" not in html.lower()


@pytest.mark.django_db
def test_ambassador_page_gives_the_team_contact_once(client, programme):
    """The contact is under "Ask … a question"; "What next?" does not repeat it below."""
    ambassador = AmbassadorFactory()
    html = client.get(ambassador.get_absolute_url()).content.decode()
    assert html.count('href="mailto:essai@example.org"') == 1
    assert html.count("Une question ?") == 1
    assert html.index("mailto:essai@example.org") < html.index("Et maintenant ?")


@pytest.mark.parametrize("link", ["/contribuer/", "https://example.org/candidater"])
def test_action_link_accepts_web_addresses_and_site_paths(link):
    Stage._meta.get_field("action_url").run_validators(link)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "//evil.example", "contribuer"])
def test_action_link_refuses_anything_else(link):
    with pytest.raises(ValidationError):
        Stage._meta.get_field("action_url").run_validators(link)


def test_a_date_needs_a_stage_or_a_label():
    with pytest.raises(ValidationError):
        ProgrammeDate(starts_on=datetime.date(2026, 1, 1)).clean()


@pytest.mark.django_db
def test_contributor_space_keeps_its_own_path(client, programme):
    html = client.get("/contribuer/connexion/").content.decode()
    assert "Et maintenant ?" not in html
