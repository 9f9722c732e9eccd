"""A stage knows its place in the journey: number, count and neighbours."""

import pytest

from relais.journey.models import Programme, Stage


@pytest.fixture
def stages(db):
    programme = Programme.objects.create(name="Budget test", collectivity="Commune test")
    other = Programme.objects.create(name="Autre budget", collectivity="Autre commune")
    Stage.objects.create(programme=other, name="Ailleurs", slug="t-ailleurs", sort_order=1)
    return [
        Stage.objects.create(programme=programme, name=name, slug=f"t-{name}", sort_order=order)
        for order, name in enumerate(["idee", "depot", "vote"])
    ]


def test_a_stage_stands_among_its_programme_stages(stages):
    first, middle, last = stages
    assert middle.place() == (2, 3, first, last)
    assert first.place().previous is None and first.place().next == middle
    assert last.place().next is None


def test_a_stage_stands_among_the_stages_given(stages):
    """The contributor space passes only the stages with questions: the others are skipped."""
    first, _middle, last = stages
    assert last.place([first, last]) == (2, 2, first, None)
