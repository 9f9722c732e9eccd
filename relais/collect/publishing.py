"""Turn a testimony into a StoryPage draft in one action; editors finish it in Wagtail."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator

from wagtail.images import get_image_model

from relais.journey.models import Ambassador, Stage
from relais.stories.audio import AudioCapsule
from relais.stories.models import StoryIndexPage, StoryPage

from . import workflow
from .choices import MediaStatus, TestimonyStatus

TRANSCRIPT_TO_COMPLETE = "Transcription à compléter par l'équipe éditoriale."


def _answer_blocks(testimony):
    answers = testimony.answers.exclude(text="").select_related("question__stage")
    by_stage = {}
    for answer in answers.order_by("question__stage__sort_order", "question__sort_order"):
        by_stage.setdefault(answer.question.stage, []).append(answer)
    blocks = []
    for stage, stage_answers in by_stage.items():
        html = f"<h3>{escape(stage.name)}</h3>" + "".join(
            f"<p><b>{escape(a.question.text)}</b></p>{linebreaks(a.text, autoescape=True)}"
            for a in stage_answers
        )
        blocks.append({"type": "text", "value": html})
    return blocks, list(by_stage)


def _image_blocks(testimony):
    if not testimony.consent_image_scope:
        return []
    blocks = []
    for photo in testimony.photos.exclude(alt_text=""):
        with photo.file.open("rb") as source:
            image = get_image_model().objects.create(
                title=f"{testimony.title} – photo {photo.pk}",
                file=ContentFile(source.read(), name=f"temoignage-{photo.pk}"),
            )
        testimony.story_images.add(image)
        blocks.append({"type": "image", "value": {"image": image.pk, "alt_text": photo.alt_text}})
    return blocks


def _audio_blocks(testimony):
    if not testimony.consent_voice_scope:
        return []
    blocks = []
    for recording in testimony.recordings.filter(status=MediaStatus.READY):
        with recording.web_mp3.open("rb") as source:
            capsule = AudioCapsule(
                title=f"{testimony.title} – enregistrement {recording.pk}",
                transcript=recording.transcript or TRANSCRIPT_TO_COMPLETE,
                duration_seconds=recording.duration_seconds,
            )
            capsule.file.save(
                f"temoignage-{recording.pk}.mp3", ContentFile(source.read()), save=False
            )
        capsule.save()
        testimony.story_capsules.add(capsule)
        blocks.append({"type": "audio", "value": {"capsule": capsule.pk}})
    return blocks


@transaction.atomic
def create_story_draft(testimony, editor):
    """Create an unpublished story from a testimony and move it to review."""
    text_blocks, stages = _answer_blocks(testimony) if testimony.consent_text_scope else ([], [])
    first_text = testimony.answers.exclude(text="").values_list("text", flat=True).first() or ""
    story = StoryPage(
        title=testimony.title,
        intro=Truncator(first_text).chars(280) or testimony.title,
        body=text_blocks + _image_blocks(testimony) + _audio_blocks(testimony),
        live=False,
    )
    StoryIndexPage.objects.get().add_child(instance=story)
    story.stages.set(Stage.objects.filter(pk__in=[s.pk for s in stages]))
    story.ambassadors.set(Ambassador.objects.filter(account=testimony.owner))
    story.save_revision(user=editor)
    testimony.story = story
    testimony.save(update_fields=["story", "updated_at"])
    if testimony.status == TestimonyStatus.SUBMITTED:
        workflow.change_status(testimony, TestimonyStatus.IN_REVIEW, editor)
    return story
