"""A restore never brings back what was erased after the backup was made."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from relais.collect import erasure, erasure_log, services
from relais.collect.models import Testimony
from relais.collect.tests.factories import TestimonyFactory


def logged_lines():
    return [
        json.loads(line)
        for line in Path(settings.RELAIS_ERASURE_LOG).read_text().split("\n")
        if line
    ]


@pytest.mark.django_db
def test_a_withdrawal_is_logged_by_id_and_date_only(django_capture_on_commit_callbacks):
    """The log outside the backups holds ids and dates, never a title or a name."""
    testimony = TestimonyFactory(title="Titre très personnel", owner__email="zoe@example.org")
    pk, created = testimony.pk, testimony.created_at
    with django_capture_on_commit_callbacks(execute=True):
        erasure.withdraw(testimony)
    last = logged_lines()[-1]
    assert set(last) == {"at", "testimony", "created"}
    assert (last["testimony"], last["created"]) == (pk, created.isoformat())
    text = Path(settings.RELAIS_ERASURE_LOG).read_text()
    assert "personnel" not in text and "zoe@" not in text
    assert Path(settings.RELAIS_ERASURE_LOG).stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_replay_leaves_a_newer_testimony_that_reused_an_id():
    """SQLite may give a deleted row's id to a new row: the creation date tells them apart."""
    kept = TestimonyFactory()
    erasure_log.record("testimony", kept.pk, kept.created_at - timedelta(days=3))
    assert erasure_log.replay(kept.created_at - timedelta(days=1)) == (0, 0)
    assert Testimony.objects.filter(pk=kept.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_restore_does_again_the_withdrawals_and_deletions_made_since(tmp_path, png_upload, capsys):
    """Back up; withdraw one testimony, delete another ambassador's account; restore: both
    stay erased, files included, and the untouched testimony is back."""
    withdrawn = TestimonyFactory(title="Retiré après la sauvegarde")
    photo = services.add_photo(withdrawn, png_upload, "Un jardin")
    photo_path = Path(photo.file.path)
    leaving = TestimonyFactory(title="Compte supprimé après la sauvegarde").owner
    kept = TestimonyFactory(title="Toujours là")
    call_command("backup", str(tmp_path))
    (backup,) = tmp_path.iterdir()

    erasure.withdraw(withdrawn)
    erasure.delete_account(leaving)
    call_command("restore", str(backup), "--no-input")

    assert set(Testimony.objects.values_list("title", flat=True)) == {kept.title}
    assert not get_user_model().objects.filter(pk=leaving.pk).exists()
    assert not photo_path.exists()
    assert "2 testimonies withdrawn, 1 accounts deleted" in capsys.readouterr().out
