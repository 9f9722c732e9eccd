"""FAQ entries of the idea box: published ones, found under their stage."""

from django.utils.translation import gettext_lazy as _

from relais.ideas.models import FaqEntry

from . import Document, Source


class FaqSource(Source):
    kind = "faq"
    label = _("Frequently asked question")
    plural_label = _("Frequently asked questions")
    models = (FaqEntry,)
    boost = 1.5  # an answer written for newcomers, as direct as a card
    order = 15

    def public_items(self):
        return FaqEntry.objects.public()

    def document(self, entry):
        return Document(
            key=self.key(entry.pk),
            url=entry.get_absolute_url(),
            title=entry.question,
            body=entry.answer,
            stages=(entry.stage_id,) if entry.stage_id else (),
            boost=self.boost,
        )
