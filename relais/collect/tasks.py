"""Background work on collected media: recordings are normalised and encoded for the web."""

import logging

from django_tasks import task

from django.core.files import File

from relais.media.processing import processed_copy
from relais.media.storage import atomic_with_files, delete_on_commit

from .choices import MediaStatus
from .models import TestimonyAudio

logger = logging.getLogger(__name__)


@task()
def process_recording(audio_id: int):
    """Store loudness-normalised OGG and MP3 versions of a recording; mark it failed on error."""
    audio = TestimonyAudio.objects.filter(pk=audio_id).first()
    if audio is None:  # deleted (consent withdrawn) before the worker got to it
        return None
    try:
        with processed_copy(audio.original) as result:
            store_web_versions(audio, result)
    except Exception:  # a hostile file, an ffmpeg crash or a full disk: never leave it pending
        logger.exception("Recording %s could not be processed", audio_id)
        mark_failed(audio)
    return audio.status


@atomic_with_files()
def store_web_versions(audio, result):
    """Replace the web versions of a recording with the processed files and mark it ready.

    The new files are complete before the row points at them; the old ones are erased
    only once the row no longer does.
    """
    remove_web_versions(audio)
    with result.ogg_path.open("rb") as ogg, result.mp3_path.open("rb") as mp3:
        audio.web_ogg.save("web.ogg", File(ogg), save=False)
        audio.web_mp3.save("web.mp3", File(mp3), save=False)
    audio.duration_seconds = result.duration_seconds
    audio.status = MediaStatus.READY
    audio.save(update_fields=["web_ogg", "web_mp3", "duration_seconds", "status"])


@atomic_with_files()
def mark_failed(audio):
    """Keep the original, drop any web version, and record the failure."""
    audio.refresh_from_db(fields=["web_ogg", "web_mp3"])  # what a failed save did not keep
    remove_web_versions(audio)
    audio.status = MediaStatus.FAILED
    audio.save(update_fields=["web_ogg", "web_mp3", "status"])


def remove_web_versions(audio):
    """Unset the web versions; their files are erased once the change is committed."""
    delete_on_commit(audio.web_ogg.storage, audio.web_ogg.name, audio.web_mp3.name)
    audio.web_ogg, audio.web_mp3 = "", ""
