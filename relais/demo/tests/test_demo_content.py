"""`load_demo` builds the fictional Pas-de-Calais site and can be run again safely."""

from io import StringIO

import pytest

from django.core.management import call_command

from relais.collect.models import Answer, Testimony
from relais.journey.models import Ambassador, LaureateProject, Stage, Territory, Theme
from relais.knowledge.models import CardSource, CardType, KnowledgeCard
from relais.stories.audio import AudioCapsule
from relais.stories.models import StoryPage

MODELS = [
    Stage,
    Theme,
    Territory,
    LaureateProject,
    Ambassador,
    AudioCapsule,
    StoryPage,
    KnowledgeCard,
    CardSource,
    Testimony,
    Answer,
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_demo_content_matches_the_programme():
    assert list(Stage.objects.values_list("slug", flat=True)) == [
        "idee",
        "comptoir",
        "depot",
        "labellisation",
        "vote",
        "proclamation",
        "realisation",
        "ambassadeur",
    ]
    assert Theme.objects.count() >= 8
    assert Territory.objects.count() == 15
    assert LaureateProject.objects.count() == 12
    assert Ambassador.objects.count() == 6
    assert StoryPage.objects.live().count() == 12


@pytest.mark.django_db
def test_stories_cover_every_stage_and_six_themes():
    for stage in Stage.objects.all():
        assert stage.stories.live().exists(), stage
    assert Theme.objects.filter(stories__isnull=False).distinct().count() >= 6


@pytest.mark.django_db
def test_three_small_audio_capsules_with_transcripts():
    capsules = AudioCapsule.objects.all()
    assert capsules.count() == 3
    for capsule in capsules:
        assert len(capsule.transcript.split()) > 50
        assert capsule.file.size < 400 * 1024  # under a minute at 64 kb/s, like contributions
        assert capsule.duration_seconds > 20


@pytest.mark.django_db
def test_every_demo_item_is_marked_as_an_example():
    assert not StoryPage.objects.filter(is_example=False).exists()
    assert not LaureateProject.objects.filter(is_example=False).exists()
    assert not Ambassador.objects.filter(is_example=False).exists()
    assert not KnowledgeCard.objects.filter(is_example=False).exists()


@pytest.mark.django_db
def test_cards_cover_every_stage_and_every_type():
    cards = KnowledgeCard.objects.public()
    assert cards.count() >= 40
    for stage in Stage.objects.all():
        assert cards.filter(stages=stage).count() >= 5, stage
    for card_type in CardType.objects.all():
        assert cards.filter(card_type=card_type).count() >= 5, card_type
    assert {1, 2, 3} <= set(cards.values_list("cited_by", flat=True))


@pytest.mark.django_db
def test_some_cards_quote_published_testimonies_of_several_ambassadors():
    """Testimony sources come from answers the ambassador consented to publish."""
    from_testimonies = CardSource.objects.filter(answer__isnull=False)
    assert 8 <= from_testimonies.values("card").distinct().count() <= 12
    for source in from_testimonies.select_related("answer__testimony", "ambassador"):
        testimony = source.answer.testimony
        assert testimony.status == "published" and testimony.consent_text_scope
        assert source.ambassador.account_id == testimony.owner_id
        assert " ".join(source.quote.split()) in " ".join(source.answer.text.split())
    assert (
        KnowledgeCard.objects.public()
        .filter(cited_by__gte=2, sources__answer__isnull=False)
        .exists()
    )


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    before = counts()
    call_command("load_demo")
    assert counts() == before


@pytest.mark.django_db
def test_load_demo_prints_a_home_page_address_that_answers(client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue().rsplit("home page: ", 1)[1].strip()
    assert client.get(printed).status_code == 200
