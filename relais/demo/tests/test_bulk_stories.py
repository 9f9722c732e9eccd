"""`seed_stories` adds stories in bulk that the site shows and manages like saved ones."""

import re
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.utils.html import escape

from wagtail.models import Page, PageLogEntry, ReferenceIndex

from relais.demo.bulk_stories import add_stories
from relais.stories.models import StoryIndexPage, StoryPage

# A clone's own values in its revision; the body is compared as data (key order may differ).
IDENTITY = {
    "body",
    "pk",
    "path",
    "title",
    "draft_title",
    "slug",
    "url_path",
    "translation_key",
    "stages",
    "themes",
}


def contains(response, text):
    """Whether the page shows text, glossary links and their hidden definitions aside."""
    html = re.sub(r'<span id="[-\w]+" hidden>[^<]*</span>', "", response.content.decode())
    return escape(text) in re.sub(r"</?a\b[^>]*>", "", html)


def planner_rows(model):
    """Return how many rows PostgreSQL's planner believes the model's table holds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [model._meta.db_table])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_seeded_stories_keep_the_page_tree_sound():
    """treebeard finds no problem, and seeding twice numbers and places stories after."""
    first = add_stories(30)
    second = add_stories(2)
    assert Page.find_problems() == ([], [], [], [], [])
    index = StoryIndexPage.objects.get()
    assert index.numchild == index.get_children().count() == 12 + 32
    assert second[-1].title == "Histoire de banc d'essai n° 32"
    assert second[0].path > first[-1].path
    assert list(index.get_children().live().values_list("pk", flat=True))[-1] == second[-1].pk


@pytest.mark.django_db
def test_seeded_story_pages_render_with_their_content(client):
    """A story, the listing, its stage, project and ambassador pages all show a clone."""
    stories = add_stories(30)
    newest = StoryPage.objects.get(pk=stories[-1].pk)
    template = stories[-1].cloned_from
    response = client.get(newest.url)
    assert response.status_code == 200
    assert contains(response, newest.title)
    assert contains(response, template.intro)
    assert contains(client.get("/histoires/"), newest.title)
    stage = newest.stages.get()
    assert contains(client.get(stage.get_absolute_url()), newest.title)
    assert contains(client.get(newest.project.get_absolute_url()), newest.title)
    portrayed = next(s for s in stories if s.ambassadors.filter(public_profile=True).exists())
    ambassador = portrayed.ambassadors.filter(public_profile=True).first()
    assert contains(client.get(ambassador.get_absolute_url()), portrayed.title)


@pytest.mark.django_db
def test_seeded_stories_fill_the_filters_and_pages_of_the_listing(client):
    stories = add_stories(30)
    stage, theme = stories[-1].stages.get(), stories[-1].themes.first()
    response = client.get(f"/histoires/?etape={stage.slug}&theme={theme.slug}")
    assert contains(response, stories[-1].title)
    last_page = (StoryPage.objects.live().count() + 11) // 12
    assert client.get(f"/histoires/?page={last_page}").status_code == 200


@pytest.mark.django_db
def test_a_clone_has_the_revision_log_references_and_search_entry_of_a_published_story():
    """What Wagtail's admin reads (history, usage, search) matches the story it was cloned from."""
    clone = add_stories(1)[0]
    template = clone.cloned_from
    clone = StoryPage.objects.get(pk=clone.pk)
    assert clone.live_revision_id == clone.latest_revision_id is not None
    mine, theirs = clone.latest_revision.content, template.latest_revision.content
    assert mine.keys() == theirs.keys()
    assert {k: v for k, v in mine.items() if k not in IDENTITY} == {
        k: v for k, v in theirs.items() if k not in IDENTITY
    }
    assert mine["title"] == clone.title and mine["path"] == clone.path
    assert mine["stages"] == [s.pk for s in clone.stages.all()]
    assert list(clone.latest_revision.as_object().body.raw_data) == list(template.body.raw_data)

    def actions(page):
        return sorted(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))

    assert actions(clone) == actions(template)

    def references(page):
        rows = ReferenceIndex.get_references_for_object(page)
        return sorted(rows.values_list("to_content_type", "to_object_id", "content_path"))

    assert references(clone) == references(template) != []
    assert list(StoryPage.objects.live().search("banc d'essai")) == [clone]


@pytest.mark.django_db
def test_seed_stories_command_says_what_it_added_and_refuses_without_stories():
    out = StringIO()
    call_command("seed_stories", "3", stdout=out)
    assert "3 stories added" in out.getvalue()
    assert StoryPage.objects.live().count() == 15
    with pytest.raises(CommandError, match="above zero"):
        call_command("seed_stories", "0")
    StoryPage.objects.update(live=False)
    with pytest.raises(CommandError, match="load_demo"):
        call_command("seed_stories", "3")


@pytest.mark.django_db
def test_the_planner_counts_the_seeded_stories():
    """Lists keep reading the newest stories from the index: PostgreSQL knows the new rows."""
    before = StoryPage.objects.live().count()
    add_stories(40)
    if connection.vendor == "postgresql":
        assert planner_rows(StoryPage) == StoryPage.objects.count()
        assert planner_rows(Page) == Page.objects.count()
    assert StoryPage.objects.live().count() == before + 40
