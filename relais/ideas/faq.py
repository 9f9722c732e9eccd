"""The FAQ page's sections: one per stage, in the programme's order, then general questions."""

from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

from .models import FaqEntry


@dataclass
class Section:
    title: str
    anchor: str
    entries: list = field(default_factory=list)
    description: str = ""


def faq_sections():
    """Return the sections that hold at least one published entry."""
    entries = FaqEntry.objects.public().select_related("stage__programme")
    by_stage, general = (
        {},
        Section(pgettext_lazy("idea box", "General questions"), "questions-generales"),
    )
    for entry in entries.order_by("sort_order", "pk"):
        stage = entry.stage
        if stage is None:
            general.entries.append(entry)
            continue
        if stage.pk not in by_stage:
            by_stage[stage.pk] = (stage, Section(stage.name, f"etape-{stage.slug}"))
        by_stage[stage.pk][1].entries.append(entry)
    ordered = sorted(
        by_stage.values(), key=lambda pair: (pair[0].programme_id, pair[0].sort_order, pair[0].pk)
    )
    sections = [section for _stage, section in ordered]
    return sections + ([general] if general.entries else [])
