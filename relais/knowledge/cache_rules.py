"""Which cached pages a change to a card makes stale: its page, the lists and guides.

Card types have no rule: renaming one touches every page (they are rarely changed).
"""

from relais.core.invalidation import register
from relais.core.page_cache import object_tag, tag_for
from relais.journey.models import Stage

from .models import CardSource, KnowledgeCard

CARDS = "knowledge:cards"  # every list of cards (the cards page and its filters)


def cards_of_stage(stage_pk):
    """Return the tag of a stage guide's cards."""
    return f"{tag_for(Stage, stage_pk)}:cards"


def _card_tags(card):
    if card is None:
        return set()
    return {
        object_tag(card),
        *(cards_of_stage(pk) for pk in card.stages.values_list("pk", flat=True)),
    }


def _card_changed(before, after):
    return {CARDS} | _card_tags(before) | _card_tags(after)


def _source_changed(before, after):
    cards = KnowledgeCard.objects.filter(
        pk__in={source.card_id for source in (before, after) if source is not None}
    )
    return {CARDS}.union(*(_card_tags(card) for card in cards))


def _stages_changed(card, model, pks):
    """Adding or removing a card's stage changes the guides of those stages."""
    if model is Stage:
        return {CARDS, object_tag(card), *(cards_of_stage(pk) for pk in pks)}
    return {CARDS, object_tag(card)}


register(
    KnowledgeCard,
    _card_changed,
    quiet_fields={"cited_by", "source_count"},
    relations=_stages_changed,
)
register(CardSource, _source_changed)
