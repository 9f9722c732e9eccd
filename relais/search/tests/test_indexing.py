"""The index follows the content: publish, unpublish, hide and delete take effect at once."""

import pytest

from relais.glossary.tests.factories import GlossaryTermFactory
from relais.ideas.tests.factories import FaqEntryFactory
from relais.knowledge.tests.factories import KnowledgeCardFactory
from relais.search.models import SearchDocument, SearchWord
from relais.search.services import search
from relais.stories.tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def found(text):
    return [hit.url for hit in search(text).hits]


def test_a_story_is_found_once_published_and_no_more_once_unpublished(
    story_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(
            parent=story_index, title="La ressourcerie", intro="Un lieu.", live=False
        )
    assert found("ressourcerie") == []
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    story.refresh_from_db()
    assert found("ressourcerie") == [story.url]
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert found("ressourcerie") == []


def test_a_deleted_story_leaves_no_document_nor_word(
    story_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(parent=story_index, title="Zygomatique", intro="Rire.")
    assert SearchWord.objects.filter(word="zygomatique").exists()
    story.delete()
    assert found("zygomatique") == []
    assert not SearchDocument.objects.filter(title="Zygomatique").exists()
    assert not SearchWord.objects.filter(word="zygomatique").exists()


def test_a_card_is_found_only_while_public(story_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        source = StoryPageFactory(parent=story_index, title="Source", intro="Une source.")
        card = KnowledgeCardFactory(title="Le kamishibaï", body="Un théâtre de papier.")
    assert found("kamishibai") == []  # no source: not public yet
    with django_capture_on_commit_callbacks(execute=True):
        card.sources.create(story=source, quote="Dit.")
        card.save()
    assert found("kamishibai") == [card.get_absolute_url()]
    with django_capture_on_commit_callbacks(execute=True):
        card.live = False
        card.save()
    assert found("kamishibai") == []


def test_a_glossary_term_is_found_by_a_synonym_and_gone_once_deleted(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        term = GlossaryTermFactory(
            term="tiers-lieu", synonyms="fablab", definition="Un lieu partagé."
        )
    assert found("fablab") == [term.get_absolute_url()]
    term.delete()
    assert found("fablab") == []


def test_the_command_rebuilds_the_index(story_index):
    from django.core.management import call_command

    StoryPageFactory(parent=story_index, title="Le vélobus", intro="À vélo.")
    SearchDocument.objects.all().delete()
    call_command("update_search_index", verbosity=0)
    assert len(found("velobus")) == 1


def test_a_story_in_a_section_made_private_is_no_more_found(
    story_index, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        StoryPageFactory(parent=story_index, title="Le compost secret", intro="Caché.")
    assert len(found("compost")) == 1
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=story_index, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert found("compost") == []


def test_a_faq_entry_is_found_while_published_under_its_stage(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = FaqEntryFactory(
            question="Faut-il une association déclarée ?",
            answer="Non : un collectif d'habitants suffit pour déposer.",
            published=True,
        )
    results = search("association declaree")
    assert [hit.url for hit in results.hits] == [entry.get_absolute_url()]
    assert results.hits[0].kind == "faq"
    with django_capture_on_commit_callbacks(execute=True):
        entry.published = False
        entry.save()
    assert found("association declaree") == []


def test_a_stage_page_is_found_by_its_dates_and_follows_them(
    django_capture_on_commit_callbacks,
):
    import datetime

    from relais.journey.models import ProgrammeDate
    from relais.journey.tests.factories import StageFactory

    with django_capture_on_commit_callbacks(execute=True):
        stage = StageFactory(name="Le grand tirage", short_description="Au hasard.")
    assert found("tirage") == [stage.get_absolute_url()]
    assert search("tirage").hits[0].label == "Étape du parcours"
    assert stage.get_absolute_url() not in found("calendrier")
    with django_capture_on_commit_callbacks(execute=True):
        date = ProgrammeDate.objects.create(
            programme=stage.programme,
            stage=stage,
            starts_on=datetime.date(2027, 9, 6),
            ends_on=datetime.date(2027, 9, 26),
        )
    assert stage.get_absolute_url() in found("calendrier")
    assert "du 6 <mark>septembre</mark> 2027" in search("septembre").hits[0].excerpt
    with django_capture_on_commit_callbacks(execute=True):
        date.starts_on = datetime.date(2027, 10, 4)
        date.ends_on = None
        date.save()
    assert found("septembre") == []
    assert found("octobre") == [stage.get_absolute_url()]
    with django_capture_on_commit_callbacks(execute=True):
        date.delete()
    assert found("octobre") == []
    with django_capture_on_commit_callbacks(execute=True):
        stage.delete()
    assert found("tirage") == []
