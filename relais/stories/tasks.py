"""Background work on audio capsules: an uploaded file is normalised and encoded for the web."""

import logging
from pathlib import PurePosixPath

from django_tasks import task

from django.core.files import File

from relais.media.choices import MediaStatus
from relais.media.processing import processed_copy
from relais.media.storage import atomic_with_files, delete_on_commit

from .audio import AudioCapsule

logger = logging.getLogger(__name__)


@task()
def process_capsule(capsule_id: int):
    """Replace a capsule's uploaded file with its loudness-normalised MP3; mark failures."""
    capsule = AudioCapsule.objects.filter(pk=capsule_id).first()
    if capsule is None:  # deleted before the worker got to it
        return None
    try:
        with processed_copy(capsule.file) as result:
            store_web_version(capsule, result)
    except Exception:  # a hostile file, an ffmpeg crash or a full disk: never leave it pending
        logger.exception("Audio capsule %s could not be processed", capsule_id)
        capsule.status = MediaStatus.FAILED
        capsule.save(update_fields=["status"])
    return capsule.status


@atomic_with_files()
def store_web_version(capsule, result):
    """Store the processed MP3 in place of the uploaded file, erased once that is committed."""
    uploaded = capsule.file.name
    with result.mp3_path.open("rb") as mp3:
        capsule.file.save(f"{PurePosixPath(uploaded).stem}.mp3", File(mp3), save=False)
    capsule.duration_seconds = result.duration_seconds
    capsule.status = MediaStatus.READY
    capsule.save(update_fields=["file", "duration_seconds", "status"])
    delete_on_commit(capsule.file.storage, uploaded)
