"""Withdrawal, erasure and export of a contributor's data (GDPR rights, §6 of DESIGN.md)."""

import json
import logging
import shutil
import tempfile
import zipfile

from django.core.mail import send_mail
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.db import DatabaseError, connection, transaction
from django.template.loader import render_to_string

from wagtail.models import PageLogEntry

from relais.core.middleware import clear_page_cache
from relais.journey.models import Ambassador
from relais.media.storage import delete_on_commit

from . import erasure_log
from .models import Testimony
from .workflow import editors_emails

logger = logging.getLogger(__name__)

EXPORT_MAX_AGE = 24 * 3600
_export_signer = TimestampSigner(salt="relais.collect.export")


def _delete_story(testimony):
    """Delete the page made from a testimony with its revisions, log, images and capsules."""
    for image in testimony.story_images.all():
        image.delete()  # Wagtail removes the file and its renditions
    for capsule in testimony.story_capsules.all():
        delete_on_commit(capsule.file.storage, capsule.file.name)
        capsule.delete()
    if testimony.story_id:
        page = testimony.story
        page_id = page.pk
        page.delete()  # revisions and search index entries go with the page
        PageLogEntry.objects.filter(page_id=page_id).delete()


def _forget_unused_profile(owner, public_name, pen_name_profile_id):
    """Delete the profile made for a withdrawn testimony once nothing public uses it.

    Drafting a story credits it under the public name chosen at consent: either the
    owner's profile, created under that name, or a separate pen-name profile. After a
    withdrawal that pseudonym is personal data with no purpose left. A public portrait
    (opted in, or made by editors) stays until the account itself is deleted, and so
    does an owner's profile under another name: this testimony did not make it.
    """
    unused = Ambassador.objects.filter(public_profile=False, stories__isnull=True)
    if pen_name_profile_id:
        unused.filter(pk=pen_name_profile_id, account__isnull=True).delete()
    if Testimony.objects.filter(owner=owner, story__isnull=False).exists():
        return  # another story (perhaps a draft) may still credit the owner's profile
    unused.filter(account=owner, display_name=public_name.strip()).delete()


# Every FTS5 table (Wagtail's index, the site search's own): found by name, not listed here.
SQLITE_FTS_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(sql) LIKE %s ORDER BY name"
)


def scrub_storage():
    """Remove from the database files what deleted rows leave behind, once committed.

    Deleting a row leaves its bytes in the file until the space is reused. On SQLite,
    `secure_delete` (set on every connection in the settings) zeroes freed space; the
    full-text indexes keep deleted terms in their segments until they are merged, which
    'optimize' forces; and the write-ahead log keeps old pages until a checkpoint
    truncates it. On PostgreSQL, deleted rows stay as dead tuples until VACUUM, which
    cannot run inside a transaction: it runs here, after the commit (see
    docs/erasure.md). The cached public pages that showed the words are dropped too.
    """
    clear_page_cache()  # a new content generation hides old pages but leaves them cached
    if connection.in_atomic_block:
        return  # inside a (test's) transaction the index and the log are in use
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(SQLITE_FTS_TABLES, ["create virtual table%using fts5%"])
            for (table,) in cursor.fetchall():
                cursor.execute(
                    f'INSERT INTO "{table}"("{table}") VALUES (\'optimize\')'  # noqa: S608  # nosec B608  # a table name read from the schema, no input
                )
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif connection.vendor == "postgresql":
            try:  # plain VACUUM: no exclusive lock, readers carry on
                cursor.execute("VACUUM")
            except DatabaseError:  # the withdrawal is committed; autovacuum catches up
                logger.warning("VACUUM after an erasure failed", exc_info=True)


def _delete_files(testimony):
    """Erase the testimony's files once its rows are gone: a rollback keeps them both."""
    for photo in testimony.photos.all():
        transaction.on_commit(photo.delete_files)
    for recording in testimony.recordings.all():
        transaction.on_commit(recording.delete_files)


@transaction.atomic
def withdraw(testimony):
    """Unpublish at once and erase everything made from a testimony, then notify editors."""
    title = testimony.title
    _delete_story(testimony)
    _delete_files(testimony)
    owner, public_name, pen_name_profile_id = (
        testimony.owner,
        testimony.public_name,
        testimony.pen_name_profile_id,
    )
    logged = ("testimony", testimony.pk, testimony.created_at)
    testimony.delete()
    _forget_unused_profile(owner, public_name, pen_name_profile_id)
    context = {"title": title}
    transaction.on_commit(lambda: erasure_log.record(*logged), robust=True)
    transaction.on_commit(scrub_storage)
    transaction.on_commit(
        lambda: send_mail(
            render_to_string("collect/email/withdrawn_subject.txt", context).strip(),
            render_to_string("collect/email/withdrawn.txt", context),
            None,
            editors_emails(),
        )
    )


@transaction.atomic
def delete_account(user):
    for testimony in Testimony.objects.filter(owner=user):
        withdraw(testimony)
    logged = ("account", user.pk, user.date_joined)
    user.delete()
    transaction.on_commit(lambda: erasure_log.record(*logged), robust=True)


def export_token(user):
    return _export_signer.sign(str(user.pk))


def export_token_is_valid(token, user):
    try:
        return _export_signer.unsign(token, max_age=EXPORT_MAX_AGE) == str(user.pk)
    except (BadSignature, SignatureExpired):
        return False


def _testimony_data(testimony):
    return {
        "title": testimony.title,
        "status": testimony.status,
        "created_at": testimony.created_at.isoformat(),
        "public_name": testimony.public_name,
        "consent": {
            "version": testimony.consent.version if testimony.consent else None,
            "at": testimony.consented_at.isoformat() if testimony.consented_at else None,
            "text": testimony.consent_text_scope,
            "image": testimony.consent_image_scope,
            "voice": testimony.consent_voice_scope,
        },
        "answers": [
            {"question": a.question.text, "answer": a.text}
            for a in testimony.answers.select_related("question")
        ],
        "photos": [
            {"file": f"photos/{p.pk}", "alt_text": p.alt_text} for p in testimony.photos.all()
        ],
        "recordings": [
            {"file": f"audio/{r.pk}", "transcript": r.transcript}
            for r in testimony.recordings.all()
        ],
        "history": [
            {"from": h.from_status, "to": h.to_status, "at": h.at.isoformat(), "comment": h.comment}
            for h in testimony.history.all()
        ],
    }


# Archives past this size are written to a temporary file on disk rather than kept in memory.
EXPORT_SPOOL_BYTES = 1024 * 1024
COPY_CHUNK_BYTES = 1024 * 1024


def _add_file(archive, name, stored):
    """Copy a stored file into the archive chunk by chunk, as is: media are compressed already."""
    with stored.open("rb") as source, archive.open(name, "w") as target:
        shutil.copyfileobj(source, target, COPY_CHUNK_BYTES)


def export_zip(user):
    """Return a temporary file, read from its start, holding a zip of all of a user's data.

    Recordings weigh up to 100 MB each: the archive is written piece by piece to a file
    that leaves memory past EXPORT_SPOOL_BYTES, and the caller streams it, then closes it.
    """
    testimonies = list(Testimony.objects.filter(owner=user))
    data = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
        },
        "testimonies": [_testimony_data(t) for t in testimonies],
    }
    # Not a `with`: the file outlives this function, and the response closes it once sent.
    spool = tempfile.SpooledTemporaryFile(max_size=EXPORT_SPOOL_BYTES, prefix="relais-export-")  # noqa: SIM115
    try:
        _write_archive(spool, data, testimonies)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def _write_archive(target, data, testimonies):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(
            "donnees.json",
            json.dumps(data, ensure_ascii=False, indent=2),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        for testimony in testimonies:
            for photo in testimony.photos.all():
                _add_file(archive, f"photos/{photo.pk}", photo.file)
            for recording in testimony.recordings.all():
                _add_file(archive, f"audio/{recording.pk}", recording.original)
