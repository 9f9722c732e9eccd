"""import_pack: a valid pack is imported once, re-imported without changes, updated by slug."""

import pytest

from django.db import connection

from wagtail.models import Page, PageLogEntry, Revision

from relais.collect.models import ConsentText, InterviewQuestion
from relais.journey.models import LaureateProject, Programme, Stage
from relais.packs.services import import_pack
from relais.stories.audio import AudioCapsule
from relais.stories.models import HomePage, StoryPage

from .conftest import edit

pytestmark = pytest.mark.django_db

MODELS = [
    Programme,
    Stage,
    LaureateProject,
    AudioCapsule,
    Page,
    Revision,
    InterviewQuestion,
    ConsentText,
]


def counts():
    from wagtail.images import get_image_model

    return {m.__name__: m.objects.count() for m in [*MODELS, get_image_model()]}


def test_a_pack_builds_the_site(pack_dir):
    """The programme, its stages, questions, story, capsule and home page all exist."""
    import_pack(pack_dir)
    assert Programme.objects.get().name == "Budget participatif de Testville"
    assert list(Stage.objects.values_list("slug", flat=True)) == ["proposer", "voter"]
    assert InterviewQuestion.objects.get().stage.slug == "proposer"
    story = StoryPage.objects.get(slug="un-recit")
    assert story.live
    assert [b.block_type for b in story.body] == ["text", "audio", "image"]
    assert "<strong>gras</strong>" in story.body[0].value.source
    assert story.live_revision == story.latest_revision
    assert story.live_revision.as_object().title == "Un récit de Testville"
    assert sorted(PageLogEntry.objects.filter(page=story).values_list("action", flat=True)) == [
        "wagtail.create",
        "wagtail.publish",
    ]
    assert story.has_audio
    assert StoryPage.objects.live().search("Testville").count() == 1
    assert HomePage.objects.get().featured_audio.title == "La voix de Testville"
    assert AudioCapsule.objects.get().duration_seconds == pytest.approx(1, abs=0.1)


def test_the_planner_counts_the_imported_pages(pack_dir):
    """Lists read the index from the first request: PostgreSQL knows the new pages' rows."""
    import_pack(pack_dir)
    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL plans from figures it must be told again")
    with connection.cursor() as cursor:
        for model in (Page, StoryPage):
            table = model._meta.db_table
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            assert cursor.fetchone()[0] == model.objects.count(), table


def test_importing_the_same_pack_twice_changes_nothing(pack_dir):
    """No new row and no new page revision the second time; every item is unchanged."""
    import_pack(pack_dir)
    before = counts()
    changes = import_pack(pack_dir)
    assert counts() == before
    assert changes.changed() == []


def test_an_edited_story_is_updated_by_slug_with_a_new_revision(pack_dir):
    import_pack(pack_dir)
    story = StoryPage.objects.get(slug="un-recit")
    revisions = story.revisions.count()
    edit(pack_dir / "stories/un-recit.md", "title: Un récit de Testville", "title: Un récit revu")
    changes = import_pack(pack_dir)
    story = StoryPage.objects.get(slug="un-recit")
    assert story.title == "Un récit revu"
    assert story.revisions.count() == revisions + 1
    assert StoryPage.objects.count() == 1
    assert ("updated", "story", "un-recit") in changes.changed()


def test_a_dry_run_changes_nothing(pack_dir, settings):
    """It reports what would be created, and neither rows nor media files stay."""
    before = counts()
    files_before = sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())
    changes = import_pack(pack_dir, dry_run=True)
    assert ("created", "story", "un-recit") in changes.changed()
    assert counts() == before
    assert sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()) == files_before
