"""Testimony operations that span several models: saving answers, media, consent, erasure."""

import shutil
import tempfile
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from relais.media.audio import validate_audio
from relais.media.images import validate_image, write_thumbnail
from relais.media.storage import atomic_with_files
from relais.media.uploads import local_copy, safe_display_name

from . import workflow
from .choices import TestimonyStatus
from .models import Answer, Testimony, TestimonyAudio, TestimonyPhoto
from .tasks import process_recording


class EditConflict(Exception):
    """The testimony changed since the form was loaded (another tab or device saved it)."""


@transaction.atomic
def save_answers(testimony, answers, version):
    """Save answers if `version` is still current; return the new version."""
    updated = Testimony.objects.filter(pk=testimony.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise EditConflict
    for question, text in answers.items():
        Answer.objects.update_or_create(
            testimony=testimony, question=question, defaults={"text": text}
        )
    testimony.version = version + 1
    return testimony.version


def add_photo(testimony, upload, alt_text):
    """Check a photo by its content, then store it privately (nothing stored if refused)."""
    info = validate_image(upload)
    photo = TestimonyPhoto(
        testimony=testimony,
        content_type=info.content_type,
        alt_text=alt_text,
        display_name=safe_display_name(upload.name),
    )
    with atomic_with_files():  # a failed insert leaves no file behind
        photo.file.save("photo", upload, save=False)
        photo.save()
    with local_copy(upload) as path:
        store_thumbnail(photo, path)
    return photo


def store_thumbnail(photo, source):
    """Write the preview of a photo from a local copy of it; without one the page shows its name."""
    with tempfile.TemporaryDirectory(prefix="relais-thumbnail-") as tmp:
        target = Path(tmp) / "vignette.jpg"
        if not write_thumbnail(source, target):
            return False
        storage = photo.file.storage
        if storage.exists(photo.thumbnail_name):
            storage.delete(photo.thumbnail_name)
        with target.open("rb") as preview:
            storage.save(photo.thumbnail_name, File(preview))
    return True


def ensure_thumbnail(photo):
    """Return whether the photo has a preview, writing it first if missing (older uploads)."""
    if photo.file.storage.exists(photo.thumbnail_name):
        return True
    with tempfile.NamedTemporaryFile(prefix="relais-photo-") as copy:
        with photo.file.open("rb") as original:
            shutil.copyfileobj(original, copy, length=1024 * 1024)
        copy.flush()
        return store_thumbnail(photo, copy.name)


@transaction.atomic
def delete_photo(photo):
    """Delete one photo; its files are erased once the deletion is committed."""
    photo.delete()
    transaction.on_commit(photo.delete_files)


@transaction.atomic
def delete_recording(recording):
    """Delete one recording; its original and web versions are erased once committed."""
    recording.delete()
    transaction.on_commit(recording.delete_files)


def add_recording(testimony, upload, transcript=""):
    """Check audio by its content, store the original privately, process it in the background."""
    info = validate_audio(upload)
    audio = TestimonyAudio(
        testimony=testimony,
        transcript=transcript,
        duration_seconds=info.duration_seconds,
        display_name=safe_display_name(upload.name),
    )
    with atomic_with_files():  # a failed insert leaves no file behind
        audio.original.save("audio", upload, save=False)
        audio.save()
        transaction.on_commit(lambda: process_recording.enqueue(audio.pk))
    return audio


def submit(testimony, actor, consent_data):
    """Record the consent (the text version shown, time, scope, public name) and submit."""
    testimony.consent = consent_data["consent"]
    testimony.consented_at = timezone.now()
    testimony.public_name = consent_data["public_name"]
    testimony.consent_text_scope = consent_data["text_scope"]
    testimony.consent_image_scope = consent_data["image_scope"]
    testimony.consent_voice_scope = consent_data["voice_scope"]
    testimony.save()
    workflow.change_status(testimony, TestimonyStatus.SUBMITTED, actor)


def missing_before_submission(testimony):
    """Return what still blocks submission: required answers and photo descriptions."""
    from .models import InterviewQuestion

    answered = set(testimony.answers.exclude(text="").values_list("question_id", flat=True))
    missing = [q for q in InterviewQuestion.objects.filter(required=True) if q.pk not in answered]
    photos = list(testimony.photos.filter(alt_text=""))
    return missing, photos
