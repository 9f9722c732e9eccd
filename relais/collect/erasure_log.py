"""A log of erasures kept outside the database and the media, replayed after a restore.

Restoring a backup brings back every testimony withdrawn and every account deleted since
it was made. Each erasure is appended here, by id and creation date only (no name, no
words), to a file that backups do not hold; after a restore, the erasures made since the
backup are done again (docs/backups.md).
"""

import json
import os
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.dispatch import receiver
from django.utils import timezone

from relais.backups.signals import backup_restored

from .models import Testimony


def record(kind, pk, created):
    """Append one erasure: `kind` is "testimony" or "account", `created` its creation date."""
    line = {"at": timezone.now().isoformat(), kind: pk, "created": created.isoformat()}
    path = settings.RELAIS_ERASURE_LOG
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "a") as log:
        log.write(json.dumps(line) + "\n")


def erasures_since(moment):
    """Return the erasures logged after `moment`, oldest first."""
    try:
        with open(settings.RELAIS_ERASURE_LOG) as log:
            lines = [json.loads(line) for line in log if line.strip()]
    except FileNotFoundError:
        return []
    return [line for line in lines if datetime.fromisoformat(line["at"]) > moment]


def replay(moment):
    """Erase again what was erased after `moment`; return (testimonies, accounts) erased."""
    from .erasure import delete_account, withdraw

    testimonies = accounts = 0
    for line in erasures_since(moment):
        created = datetime.fromisoformat(line["created"])
        if "testimony" in line:
            for testimony in Testimony.objects.filter(pk=line["testimony"], created_at=created):
                withdraw(testimony)
                testimonies += 1
        else:
            users = get_user_model().objects.filter(pk=line["account"], date_joined=created)
            for user in users:
                delete_account(user)
                accounts += 1
    return testimonies, accounts


@receiver(backup_restored)
def replay_after_restore(sender, created_at, **kwargs):
    testimonies, accounts = replay(created_at)
    return (
        f"Erasures made since the backup, done again: {testimonies} testimonies withdrawn, "
        f"{accounts} accounts deleted (log: {settings.RELAIS_ERASURE_LOG})."
    )
