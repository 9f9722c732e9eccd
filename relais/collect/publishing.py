"""Turn a testimony into a StoryPage draft in one action; editors finish it in Wagtail."""

import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from wagtail.images import get_image_model

from relais.journey.models import Ambassador, Stage
from relais.media.storage import atomic_with_files
from relais.stories.audio import AudioCapsule
from relais.stories.models import StoryIndexPage, StoryPage

from . import workflow
from .choices import MediaStatus, TestimonyStatus

SLUG_MAX_LENGTH = Ambassador._meta.get_field("slug").max_length


def rich_text_paragraphs(text):
    """Return plain text as rich text Wagtail's editor accepts: <p> per blank line, <br/>."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in chunk.splitlines()) + "</p>"
        for chunk in chunks
        if chunk.strip()
    )


def _answers_by_stage(testimony):
    """Return {stage: [answers]} for the stages that got at least one non-blank answer."""
    answers = testimony.answers.select_related("question__stage").order_by(
        "question__stage__sort_order", "question__sort_order"
    )
    by_stage = {}
    for answer in answers:
        if answer.text.strip():
            by_stage.setdefault(answer.question.stage, []).append(answer)
    return by_stage


def _answer_blocks(by_stage):
    # The story page's title is the h1 and other body blocks open with h2: stages are h2.
    return [
        {
            "type": "text",
            "value": f"<h2>{escape(stage.name)}</h2>"
            + "".join(
                f"<h3>{escape(a.question.text)}</h3>{rich_text_paragraphs(a.text)}" for a in answers
            ),
        }
        for stage, answers in by_stage.items()
    ]


def _unique_slug(name, ambassador):
    base = slugify(name)[: SLUG_MAX_LENGTH - 4] or "ambassadeur"
    others = Ambassador.objects.exclude(pk=ambassador.pk)
    slug, number = base, 2
    while others.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _named_profile(profile, name):
    """Give a profile the public name, with a slug made from it, unless it already has it."""
    if profile.display_name != name or not profile.slug:
        profile.display_name = name
        profile.slug = _unique_slug(name, profile)
        profile.save()
    return profile


def _pen_name_profile(testimony, name):
    """Return the account-less profile that credits this testimony under its public name.

    It is remembered on the testimony, so drafting again reuses it; it is renamed only
    while nothing but this testimony could show it, otherwise a new one is made.
    """
    profile = testimony.pen_name_profile
    if profile is None or (
        profile.display_name != name
        and (profile.public_profile or profile.stories.exclude(pk=testimony.story_id).exists())
    ):
        profile = Ambassador()
    _named_profile(profile, name)
    if testimony.pen_name_profile_id != profile.pk:
        testimony.pen_name_profile = profile
        testimony.save(update_fields=["pen_name_profile", "updated_at"])
    return profile


def public_ambassador(testimony):
    """Return the profile that credits a testimony under the public name chosen at consent.

    Consent covers this testimony only: an owner's existing profile under another name
    (earlier stories, portrait, URL) is never renamed; the story then credits a separate
    pen-name profile, not linked to the account. The account's name never reaches the
    public site.
    """
    name = testimony.public_name.strip()
    if not name:
        return None
    own = Ambassador.objects.filter(account=testimony.owner).first()
    if own is None:
        return _named_profile(Ambassador(account=testimony.owner), name)
    if own.display_name == name:
        return own
    return _pen_name_profile(testimony, name)


def _image_blocks(testimony):
    if not testimony.consent_image_scope:
        return []
    blocks = []
    for photo in testimony.photos.exclude(alt_text=""):
        with photo.file.open("rb") as source:
            image = get_image_model().objects.create(
                title=Truncator(f"{testimony.title} – {photo.alt_text}").chars(255),
                description=photo.alt_text,  # the alt text Wagtail offers wherever it is used
                file=ContentFile(source.read(), name=f"temoignage-{photo.pk}"),
            )
        testimony.story_images.add(image)
        blocks.append({"type": "image", "value": {"image": image.pk, "alt_text": photo.alt_text}})
    return blocks


def capsule_title(testimony, number, total):
    """Return a capsule title an editor would keep: who speaks, about what, which part."""
    with translation.override(settings.LANGUAGE_CODE):  # content, not the editor's admin UI
        values = {
            "name": testimony.public_name.strip() or _("an ambassador"),
            "title": testimony.title,
            "number": number,
            "total": total,
        }
        if total > 1:
            title = _("Testimony of %(name)s: %(title)s (part %(number)s of %(total)s)") % values
        else:
            title = _("Testimony of %(name)s: %(title)s") % values
    return Truncator(title).chars(AudioCapsule._meta.get_field("title").max_length)


def _audio_blocks(testimony):
    if not testimony.consent_voice_scope:
        return []
    recordings = list(testimony.recordings.filter(status=MediaStatus.READY).order_by("pk"))
    blocks = []
    for number, recording in enumerate(recordings, start=1):
        with recording.web_mp3.open("rb") as source:
            capsule = AudioCapsule(
                title=capsule_title(testimony, number, len(recordings)),
                # Left empty when the ambassador wrote none: the story cannot be
                # published until an editor writes it (StoryPageForm).
                transcript=recording.transcript,
                duration_seconds=recording.duration_seconds,
            )
            capsule.file.save(
                f"temoignage-{recording.pk}.mp3", ContentFile(source.read()), save=False
            )
        capsule.save()
        testimony.story_capsules.add(capsule)
        blocks.append({"type": "audio", "value": {"capsule": capsule.pk}})
    return blocks


@atomic_with_files()  # a failure erases the copied images and recordings
def create_story_draft(testimony, editor):
    """Create an unpublished story from a testimony and move it to review.

    The summary is left empty on purpose: the editor writes it, and Wagtail refuses to
    publish the story until then (drafts may be saved without it).
    """
    by_stage = _answers_by_stage(testimony) if testimony.consent_text_scope else {}
    image_blocks = _image_blocks(testimony)
    story = StoryPage(
        title=testimony.title,
        intro="",
        # The first consented photo shows the story in lists, like every other story's card.
        listing_image_id=image_blocks[0]["value"]["image"] if image_blocks else None,
        body=_answer_blocks(by_stage) + image_blocks + _audio_blocks(testimony),
        live=False,
    )
    StoryIndexPage.objects.get().add_child(instance=story)
    story.stages.set(Stage.objects.filter(pk__in=[s.pk for s in by_stage]))
    ambassador = public_ambassador(testimony)
    story.ambassadors.set([ambassador] if ambassador else [])
    story.save_revision(user=editor, clean=False)  # the summary is still to be written
    testimony.story = story
    testimony.save(update_fields=["story", "updated_at"])
    if testimony.status == TestimonyStatus.SUBMITTED:
        workflow.change_status(testimony, TestimonyStatus.IN_REVIEW, editor)
    return story
