"""The sources search knows, in the order of the filters."""

from .cards import CardSource
from .faq import FaqSource
from .glossary import GlossarySource
from .projects import ProjectSource
from .stages import StageSource
from .stories import StorySource

SOURCES = {
    source.kind: source
    for source in sorted(
        [
            CardSource(),
            FaqSource(),
            StorySource(),
            GlossarySource(),
            ProjectSource(),
            StageSource(),
        ],
        key=lambda source: source.order,
    )
}


def source_for_key(key):
    return SOURCES.get(key.split(":", 1)[0])
