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
    voices_per_card = min(3, len(ambassadors) or 1)
    new_cards = []
    for n in range(count):
        card = _card(start + n, types[n % len(types)])
        # Counted before the insert: one UPDATE of every card afterwards is one CASE with
        # as many branches as cards, which PostgreSQL takes an hour to run at 50,000.
        card.cited_by = card.source_count = 1 + n % voices_per_card
        new_cards.append(card)
    with bulk_write():
        cards = KnowledgeCard.objects.bulk_create(new_cards)
        KnowledgeCard.stages.through.objects.bulk_create(
            [KnowledgeCard.stages.through(knowledgecard_id=c.pk, stage_id=stage.pk) for c in cards]
        )
        sources = []
        for n, card in enumerate(cards):
            story = stories[n % len(stories)]
            for ambassador in ambassadors[: card.cited_by] or [None]:
                sources.append(
                    CardSource(card=card, story=story, ambassador=ambassador, quote=story.intro)
                )
        CardSource.objects.bulk_create(sources)
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
