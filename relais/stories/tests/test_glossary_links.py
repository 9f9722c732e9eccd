"""In a story, the first occurrence of a term links to its definition, announced on focus."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from relais.glossary.tests.factories import GlossaryTermFactory
from relais.stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

DEFINITION = "Une économie qui met les personnes avant le profit."


@pytest.fixture
def ess(db):
    return GlossaryTermFactory(
        term="économie sociale et solidaire", slug="ess", synonyms="ESS", definition=DEFINITION
    )


def story(story_index, **fields):
    fields.setdefault("intro", "Une histoire de quartier.")
    return StoryPageFactory(parent=story_index, **fields)


def test_the_first_occurrence_in_the_body_links_to_the_definition(client, story_index, ess):
    page = story(
        story_index,
        body=[
            ("text", "<h2>Pourquoi l'ESS ?</h2><p>L'<strong>ESS</strong> nous a aidés.</p>"),
            ("text", "<p>Sans l'économie sociale et solidaire, rien.</p>"),
        ],
    )
    html = client.get(page.url).content.decode()
    assert html.count('class="glossary-term"') == 1
    assert (
        '<strong><a class="glossary-term" href="/glossaire/#ess" '
        'aria-describedby="glossaire-story-body-ess">ESS</a>'
        '<span id="glossaire-story-body-ess" hidden>'
        "Une économie qui met les personnes avant le profit.</span></strong>"
    ) in html
    assert "<h2>Pourquoi l'ESS ?</h2>" in html


def test_the_intro_links_its_own_first_occurrence_with_ids_of_its_own(client, story_index, ess):
    page = story(
        story_index,
        intro="L'ESS & le quartier <bientôt>",
        body=[("text", "<p>Et l'ESS encore.</p>")],
    )
    html = client.get(page.url).content.decode()
    assert (
        '<p class="lead">L&#x27;<a class="glossary-term" href="/glossaire/#ess" '
        'aria-describedby="glossaire-story-intro-ess">ESS</a>'
    ) in html
    assert "&amp; le quartier &lt;bientôt&gt;</p>" in html
    ids = re.findall(r' id="(glossaire-[^"]+)"', html)
    assert ids == ["glossaire-story-intro-ess", "glossaire-story-body-ess"]


def test_a_changed_definition_shows_at_once_in_the_story(client, story_index, ess):
    page = story(story_index, body=[("text", "<p>L'ESS.</p>")])
    assert DEFINITION in client.get(page.url).content.decode()
    ess.definition = "Une nouvelle définition."
    ess.save()
    html = client.get(page.url).content.decode()
    assert "Une nouvelle définition." in html and DEFINITION not in html


def test_a_new_term_is_linked_in_stories_already_shown(client, story_index, ess):
    page = story(story_index, body=[("text", "<p>Une SCOP de l'ESS.</p>")])
    assert "#scop" not in client.get(page.url).content.decode()
    GlossaryTermFactory(term="SCOP", slug="scop")
    assert 'href="/glossaire/#scop"' in client.get(page.url).content.decode()


def test_the_glossary_is_read_once_per_content_version_not_per_request(client, story_index, ess):
    first, second = story(story_index), story(story_index)
    client.get(first.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(second.url)
    assert not [q for q in queries.captured_queries if "glossary_glossaryterm" in q["sql"]]
