"""Stories: live pages outside restricted sections, with their audio transcripts.

A story made from a testimony is deleted when the testimony is withdrawn: its document goes
with it (relais.search.signals), and only live pages are ever copied.
"""

from django.utils.translation import gettext_lazy as _

from relais.core.site_tree import exclude_private
from relais.stories.audio import AudioCapsule, AudioChapter
from relais.stories.models import StoryPage

from . import Document, Source, plain


def _block_texts(block):
    """Return the texts a visitor reads (or hears, through the transcript) in one block."""
    value = block.value
    kind = block.block_type
    if kind == "text":
        return [value]
    if kind == "quote":
        return [value["text"], value["author"], value["role"]]
    if kind == "tip":
        return [value["title"], value["text"]]
    if kind == "key_figures":
        return [value["title"], *(f"{f['value']} {f['label']}" for f in value["figures"])]
    if kind == "timeline":
        return [value["title"], *(f"{s['when']} {s['text']}" for s in value["steps"])]
    if kind == "audio" and value["capsule"] is not None:
        capsule = value["capsule"]
        chapters = [chapter.title for chapter in capsule.chapters.all()]
        return [capsule.title, *chapters, capsule.transcript]
    return []


class StorySource(Source):
    kind = "story"
    label = _("Story")
    plural_label = _("Stories")
    models = (StoryPage, AudioCapsule, AudioChapter)
    boost = 1.0
    order = 20

    def public_items(self):
        return exclude_private(StoryPage.objects.live()).prefetch_related("stages", "themes")

    def document(self, story):
        texts = [text for block in story.body for text in _block_texts(block)]
        return Document(
            key=self.key(story.pk),
            url=story.url or "",
            title=story.title,
            body=plain(story.intro, *texts),
            stages=tuple(stage.pk for stage in story.stages.all()),
            themes=tuple(theme.pk for theme in story.themes.all()),
            boost=self.boost,
        )

    def items_for(self, instance):
        """A capsule (or chapter) change reaches every story that plays the capsule."""
        if isinstance(instance, AudioChapter):
            instance = AudioCapsule(pk=instance.capsule_id)
        if isinstance(instance, AudioCapsule):
            return [
                story
                for story in StoryPage.objects.filter(has_audio=True)
                if any(
                    block.block_type == "audio"
                    and block.value["capsule"] is not None
                    and block.value["capsule"].pk == instance.pk
                    for block in story.body
                )
            ]
        return [instance]
