"""Keep citation counts true, and let a withdrawal take its cards with it."""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CardSource, KnowledgeCard
from .services import refresh_citations


@receiver(post_save, sender=CardSource)
def _source_saved(sender, instance, raw=False, **kwargs):
    # A row loaded as it was stored (a fixture, a database snapshot) keeps its card's counts.
    if not raw:
        refresh_citations(instance.card_id)


@receiver(post_delete, sender=CardSource)
def _source_deleted(sender, instance, origin=None, **kwargs):
    """Recount; a card left without sources because what it quoted was deleted goes too.

    A withdrawal deletes the testimony, its answers and the story made from it; the card's
    text was written from those words, so hiding it would not be enough. A source removed
    by an editor (origin: the source itself) only makes its card stop being public.
    """
    if (
        not _deleted_by_cascade(origin)
        or CardSource.objects.filter(card_id=instance.card_id).exists()
    ):
        refresh_citations(instance.card_id)
    else:
        KnowledgeCard.objects.filter(pk=instance.card_id).delete()


def _deleted_by_cascade(origin):
    """Whether the source went with what it quotes (not deleted with its card, or alone)."""
    if origin is None:
        return False
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return not issubclass(model, (CardSource, KnowledgeCard))
