"""Card tiles in a fixed number of queries: lists read ids, tiles are rendered once per change.

A guide or a list of cards reads only the ids of the cards it shows (ordered by how many
ambassadors cite them); each tile's HTML is kept per content version in the page store
(`kept_for_content`), so the number of cards on the site does not change what a page costs.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from relais.core.content_cache import cached_for_content, kept_for_content
from relais.core.page_cache import object_tag
from relais.core.text import sorted_by_name
from relais.journey.lookups import all_stages, all_themes, in_order

from .models import CardType, KnowledgeCard

MOST_CITED_FIRST = (F("cited_by").desc(), F("title").asc(), F("pk").asc())


@dataclass(frozen=True)
class CardTile:
    """A card as lists and guides show it, its HTML rendered from our (escaping) template."""

    pk: int
    type_id: int
    html: SafeString
    tags: tuple  # what the tile shows, for the page cache


def card_types():
    """Return every card type by primary key, in the editors' order (once per change)."""
    return cached_for_content(
        "card-types", lambda: {kind.pk: kind for kind in CardType.objects.all()}
    )


def tiles(ids, *, in_guide=False):
    """Return the tiles of the cards whose ids are `ids`, in that order.

    In a stage guide, tiles sit under their type's heading and do not repeat the stage.
    """
    kind = "card-tile:guide" if in_guide else "card-tile"
    found = kept_for_content(kind, ids, lambda missing: _render_tiles(missing, in_guide))
    return [found[pk] for pk in ids if pk in found]


def _render_tiles(ids, in_guide):
    cards = list(KnowledgeCard.objects.filter(pk__in=ids).select_related("territory"))
    links = KnowledgeCard.stages.through.objects.filter(knowledgecard_id__in=ids)
    theme_links = KnowledgeCard.themes.through.objects.filter(knowledgecard_id__in=ids)
    stage_ids, theme_ids = {pk: set() for pk in ids}, {pk: set() for pk in ids}
    for card_id, stage_id in links.values_list("knowledgecard_id", "stage_id"):
        stage_ids[card_id].add(stage_id)
    for card_id, theme_id in theme_links.values_list("knowledgecard_id", "theme_id"):
        theme_ids[card_id].add(theme_id)
    stages, themes, types = all_stages(), all_themes(), card_types()
    rendered = {}
    for card in cards:
        context = {
            "card": card,
            "card_type": types.get(card.card_type_id),
            "stages": [] if in_guide else in_order(stages, stage_ids[card.pk]),
            "level": 4 if in_guide else 3,
            "glossary_prefix": f"card-{card.pk}",  # ids unique on a page of many cards
            "themes": sorted_by_name(in_order(themes, theme_ids[card.pk])),
        }
        html = render_to_string("knowledge/includes/card_tile.html", context)
        rendered[card.pk] = CardTile(card.pk, card.card_type_id, html, (object_tag(card),))
    return rendered


def top_cards_by_type(cards, per_type):
    """Return {type id: ids of its `per_type` most cited cards} for a queryset of cards.

    One query, whatever the number of cards: the database ranks the cards of each type.
    """
    ranked = cards.annotate(
        rank=Window(RowNumber(), partition_by=[F("card_type_id")], order_by=MOST_CITED_FIRST)
    ).filter(rank__lte=per_type)
    by_type = {}
    for pk, type_id in ranked.order_by("card_type_id", "rank").values_list("pk", "card_type_id"):
        by_type.setdefault(type_id, []).append(pk)
    return by_type


def count_by_type(name, cards):
    """Return {type id: number of cards}, counted once per content change under `name`."""

    def count():
        rows = cards.order_by().values_list("card_type_id").annotate(n=Count("pk"))
        return dict(rows)

    return cached_for_content(f"card-count:{name}", count)
