"""Journey stages: the public stage pages, with what happens and the programme's dates.

A newcomer asks "quand voter" or "date de dépôt du dossier": the stage page holds the
real dates, so its document says them in words ("du 3 mars 2026 au 12 avril 2026").
A stage is re-indexed when it, one of its programme's dates or the programme changes.
"""

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from relais.journey.models import Programme, ProgrammeDate, Stage

from . import Document, Source, plain


def _when(date):
    """Return a dated period in French words, with the words newcomers ask with."""
    with translation.override("fr"):
        start = formats.date_format(date.starts_on, "j F Y")
        end = formats.date_format(date.ends_on, "j F Y") if date.ends_on else ""
    period = f"du {start} au {end}" if end else f"le {start}"
    return f"Calendrier, date : {date.label or date.stage.name} {period}"


class StageSource(Source):
    kind = "stage"
    label = _("Stage of the journey")
    plural_label = _("Stages of the journey")
    models = (Stage, ProgrammeDate, Programme)
    boost = 0.8  # lifted by questions about time (services.WHEN_BOOST), not by every question
    order = 5

    def public_items(self):
        return Stage.objects.select_related("programme").prefetch_related("dates__stage")

    def document(self, stage):
        dates = [_when(date) for date in stage.dates.all() if not date.place]
        return Document(
            key=self.key(stage.pk),
            url=stage.get_absolute_url(),
            title=stage.name,
            body=plain(
                stage.short_description,
                stage.typical_period,
                stage.description,
                stage.action_label,
                *dates,
            ),
            stages=(stage.pk,),
            boost=self.boost,
        )

    def items_for(self, instance):
        """A date or the programme changes every stage of the programme (a date may move)."""
        if isinstance(instance, Stage):
            return [instance]
        programme_id = instance.pk if isinstance(instance, Programme) else instance.programme_id
        return list(Stage.objects.filter(programme_id=programme_id))
