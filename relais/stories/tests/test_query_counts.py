"""Each public page costs a fixed, small number of SQL queries, whatever the number of stories.

The numbers are those of a page served again (renditions made, menus computed): the content
version (1), then what the page itself shows. The site, the menus, the footer, the funder,
the programme, the stages and themes, the filter menus, the listing counts and the story
cards come from the content cache until content changes; the first page served after a
change computes them again, in a number of queries that does not grow with the stories either.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from relais.core.models import ContentGeneration
from relais.stories.tests.factories import story_with_every_block

MAX_QUERIES = 8
# version only: the story found by its address, with its header, and its body are kept
# per content version
STORY = 1
# version only: a list's ids and each card's HTML are kept per content version
LIST = 1
EXPECTED = {
    "home": LIST,
    "story": STORY,
    "listing": LIST,
    "filtered listing": LIST,
    "last listing page": LIST,
    # the stage guide (relais.knowledge): its knowledge cards are ranked once per content
    # change too (test_query_counts there)
    "stage": LIST,
    # version + project (commune) + themes + editions + ambassadors
    "project": 5,
    # version + portrait (photo) + projects
    "ambassador": 3,
}
# The first request after a content change also reads the site, the settings, the menus, the
# programme, the counts and the cards (stories, their stages and themes, renditions); a story
# also reads the glossary, whose terms it links.
AFTER_A_CHANGE = {
    "home": 20,
    "story": 21,
    "listing": 24,
    "filtered listing": 24,
    "last listing page": 24,
    "stage": 25,  # the guide also counts its cards by type, its stories with audio, the glossary
    "project": 24,
    "ambassador": 22,
}


def add_stories(site_content, stages, count):
    """Publish `count` more stories with every kind of block, linked as the first one is."""
    first = site_content["story"]
    capsule = next(block.value["capsule"] for block in first.body if block.block_type == "audio")
    for _ in range(count):
        story_with_every_block(
            first.get_parent(),
            capsule=capsule,
            image=first.listing_image,
            stage=stages[1],
            project=site_content["project"],
            stages=[stages[0], stages[1]],
            themes=[site_content["theme"]],
            ambassadors=[site_content["ambassador"]],
        )


def page_urls(site_content, stages):
    stage, theme = stages[1], site_content["theme"]
    return {
        "home": "/",
        "story": site_content["story"].url,
        "listing": "/histoires/",
        "filtered listing": f"/histoires/?etape={stage.slug}&theme={theme.slug}",
        "last listing page": "/histoires/?page=99",
        "stage": stage.get_absolute_url(),
        "project": site_content["project"].get_absolute_url(),
        "ambassador": site_content["ambassador"].get_absolute_url(),
    }


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def queries_per_page(client, urls):
    """Return the number of queries of each page served a second time."""
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, url  # renditions, content cache
        counts[name] = queries_of(client, url)
    return counts


def queries_after_a_change(client, urls):
    """Return the number of queries of each page served first after a content change."""
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, url  # renditions
        ContentGeneration.bump()
        counts[name] = queries_of(client, url)
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize("stories", [3, 30])
def test_each_page_costs_the_same_few_queries_with_3_or_30_stories(
    client, site_content, stages, stories
):
    add_stories(site_content, stages, stories - 1)
    counts = queries_per_page(client, page_urls(site_content, stages))
    assert counts == EXPECTED
    assert max(counts.values()) <= MAX_QUERIES


@pytest.mark.django_db
@pytest.mark.parametrize("stories", [3, 30])
def test_the_first_page_after_a_change_costs_the_same_with_3_or_30_stories(
    client, site_content, stages, stories
):
    add_stories(site_content, stages, stories - 1)
    assert queries_after_a_change(client, page_urls(site_content, stages)) == AFTER_A_CHANGE
