"""`seed_cards` adds public cards in bulk that a stage guide shows, most cited first."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from relais.journey.models import Stage
from relais.knowledge.models import KnowledgeCard

pytestmark = pytest.mark.django_db


def test_seed_cards_adds_public_cards_at_the_stage_with_real_sources(client):
    before = KnowledgeCard.objects.public().count()
    out = StringIO()
    call_command("seed_cards", "12", "--stage", "comptoir", stdout=out)
    assert "12 cards added" in out.getvalue()
    seeded = KnowledgeCard.objects.public().filter(title__startswith="Fiche de banc")
    assert seeded.count() == 12 == KnowledgeCard.objects.public().count() - before
    assert set(seeded.values_list("cited_by", flat=True)) == {1, 2, 3}
    stage = Stage.objects.get(slug="comptoir")
    assert all(card.stages.get() == stage for card in seeded)
    assert "Fiche de banc" in client.get(stage.get_absolute_url()).text


def test_seed_cards_refuses_an_unknown_stage():
    with pytest.raises(CommandError, match="No stage has the slug"):
        call_command("seed_cards", "3", "--stage", "inexistante")
