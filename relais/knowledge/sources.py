"""The sources of a card as visitors see them: who says it, in which words, where to read more."""

from dataclasses import dataclass

from .models import CardSource


@dataclass(frozen=True)
class PublicSource:
    quote: str  # "" when the testimony's words may not be published
    speaker: str
    speaker_url: str
    story_title: str
    story_url: str


def public_sources(card):
    """Return what may be shown of each source of a card, in one query.

    A story is public already. A testimony answer is quoted only if its author agreed to
    have their text published; otherwise the source only counts (and names its ambassador
    if they have a public portrait).
    """
    sources = CardSource.objects.filter(card=card).select_related(
        "ambassador", "answer__testimony", "story"
    )
    shown = []
    for source in sources:
        ambassador = source.ambassador
        public = ambassador is not None and ambassador.public_profile
        story = source.story if source.story_id and source.story.live else None
        quotable = story is not None or (
            source.answer_id is not None and source.answer.testimony.consent_text_scope
        )
        shown.append(
            PublicSource(
                quote=source.quote if quotable else "",
                speaker=ambassador.display_name if ambassador else "",
                speaker_url=ambassador.get_absolute_url() if public else "",
                story_title=story.title if story else "",
                story_url=story.url if story else "",
            )
        )
    return [source for source in shown if source.quote or source.speaker]
