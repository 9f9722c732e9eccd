"""Knowledge cards in bulk for load tests: many cards at one stage, quoting its stories."""

from django.db import transaction

from relais.core.invalidation import bulk_write
from relais.journey.models import Ambassador, Stage
from relais.knowledge.models import CardSource, CardType, KnowledgeCard
from relais.stories.models import StoryPage

TITLE_PREFIX = "Fiche de banc"


@transaction.atomic
def add_cards(count, stage_slug):
    """Add `count` public cards at a stage, of every type, cited by one to three ambassadors.

    Each card quotes the intro of one of the stage's stories, so that its sources are real.
    """
    stage = Stage.objects.filter(slug=stage_slug).first()
    if stage is None:
        raise ValueError(f"No stage has the slug {stage_slug!r}.")
    types = list(CardType.objects.all())
    stories = list(StoryPage.objects.live().filter(stages=stage).order_by("pk")[:200])
    ambassadors = list(Ambassador.objects.order_by("pk")[:3])
    if not stories or not types:
        raise ValueError("The stage has no story to quote: load the demo first.")
    start = KnowledgeCard.objects.filter(title__startswith=TITLE_PREFIX).count()
    with bulk_write():
        cards = KnowledgeCard.objects.bulk_create(
            [_card(start + n, types[n % len(types)]) for n in range(count)]
        )
        KnowledgeCard.stages.through.objects.bulk_create(
            [KnowledgeCard.stages.through(knowledgecard_id=c.pk, stage_id=stage.pk) for c in cards]
        )
        sources = []
        for n, card in enumerate(cards):
            voices = 1 + n % min(3, len(ambassadors) or 1)
            story = stories[n % len(stories)]
            for ambassador in ambassadors[:voices] or [None]:
                sources.append(
                    CardSource(card=card, story=story, ambassador=ambassador, quote=story.intro)
                )
            card.cited_by, card.source_count = voices, voices
        CardSource.objects.bulk_create(sources)
        KnowledgeCard.objects.bulk_update(cards, ["cited_by", "source_count"])
    return len(cards)


def _card(number, card_type):
    return KnowledgeCard(
        title=f"{TITLE_PREFIX} {number} : venez avec trois prénoms",
        slug=f"fiche-de-banc-{number}",
        card_type=card_type,
        body="Au comptoir, venez avec trois prénoms de personnes prêtes à s'engager, pas un "
        "dossier : on vous aidera à l'écrire.",
        is_example=True,
    )
