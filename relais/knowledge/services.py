"""What spans cards, sources and the rest of the site: citations, passages, merging."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils.text import slugify

from relais.journey.models import Ambassador

from .models import CardRedirect, CardSource, KnowledgeCard


def refresh_citations(card_id):
    """Recount a card's sources and the distinct ambassadors behind them."""
    counts = CardSource.objects.filter(card_id=card_id).aggregate(
        sources=Count("pk"),
        ambassadors=Count("ambassador", distinct=True),
        unsigned=Count("pk", filter=Q(ambassador__isnull=True)),
    )
    # A source whose ambassador is unknown (a profile since erased) still counts as one voice.
    cited_by = counts["ambassadors"] + min(counts["unsigned"], 1)
    for card in KnowledgeCard.objects.filter(pk=card_id):
        if (card.cited_by, card.source_count) != (cited_by, counts["sources"]):
            card.cited_by, card.source_count = cited_by, counts["sources"]
            card.save(update_fields=["cited_by", "source_count"])


def answer_ambassador(answer):
    """Return the profile a testimony answer speaks for: its pen name, else its owner's."""
    testimony = answer.testimony
    if testimony.pen_name_profile_id:
        return testimony.pen_name_profile
    return Ambassador.objects.filter(account_id=testimony.owner_id).first()


def story_ambassador(story):
    """Return the first ambassador credited on a story (None for an unsigned story)."""
    return story.ambassadors.order_by("display_name").first()


def add_source(card, *, quote, story=None, answer=None, ambassador=None):
    """Attach a quoted passage to a card; the ambassador defaults to whoever said it."""
    if ambassador is None:
        ambassador = answer_ambassador(answer) if answer else story_ambassador(story)
    return CardSource.objects.create(
        card=card, story=story, answer=answer, ambassador=ambassador, quote=quote.strip()
    )


def unique_card_slug(title, exclude_pk=None):
    """Return a slug for a new card title that no card and no merged address uses."""
    base = slugify(title)[:120] or "fiche"
    candidate, number = base, 1
    while (
        KnowledgeCard.objects.filter(slug=candidate).exclude(pk=exclude_pk).exists()
        or CardRedirect.objects.filter(old_slug=candidate).exists()
    ):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


@transaction.atomic
def merge_cards(kept, merged):
    """Merge `merged` into `kept`: sources and themes combined, its address redirected.

    A source quoting the same passage twice is kept once. The merged card's old addresses
    (its own and those merged into it before) answer 301 to the kept card.
    """
    if kept.pk == merged.pk:
        raise ValueError("A card cannot be merged into itself.")
    known = set(kept.sources.values_list("story_id", "answer_id", "quote"))
    for source in merged.sources.all():
        if (source.story_id, source.answer_id, source.quote) in known:
            continue
        source.card = kept
        source.save(update_fields=["card"])
    kept.stages.add(*merged.stages.all())
    kept.themes.add(*merged.themes.all())
    kept.save(update_fields=["stages", "themes"])  # modelcluster keeps them until a save
    CardRedirect.objects.filter(card=merged).update(card=kept)
    old_slug = merged.slug
    merged.delete()
    CardRedirect.objects.create(old_slug=old_slug, card=kept)
    refresh_citations(kept.pk)
    kept.refresh_from_db()
    return kept
