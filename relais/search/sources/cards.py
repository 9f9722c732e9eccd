"""Knowledge cards: public ones (published and said by at least one source)."""

from django.utils.translation import gettext_lazy as _

from relais.knowledge.models import KnowledgeCard

from . import Document, Source


class CardSource(Source):
    kind = "card"
    label = _("Card")
    plural_label = _("Cards")
    models = (KnowledgeCard,)
    boost = 1.6
    order = 10

    def public_items(self):
        return (
            KnowledgeCard.objects.public()
            .select_related("card_type")
            .prefetch_related("stages", "themes")
        )

    def document(self, card):
        return Document(
            key=self.key(card.pk),
            url=card.get_absolute_url(),
            title=card.title,
            # The type ("astuce", "piège à éviter") is said in the body: in the title column,
            # a type named after a common word would lift every card of the type.
            body=f"{card.body}\n{card.card_type.name}",
            stages=tuple(stage.pk for stage in card.stages.all()),
            themes=tuple(theme.pk for theme in card.themes.all()),
            boost=self.boost,
        )
