import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from relais.backups.errors import BackupError
from relais.backups.services import restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and both media folders with a backup made by `backup`, after "
        "checking every checksum of its manifest (see docs/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="a backup folder")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, path, interactive, **options):
        started = time.monotonic()
        confirm = self.ask if interactive else (lambda checked: True)
        try:
            restored = restore_backup(path, confirm=confirm)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if restored is None:
            self.stdout.write("Restore cancelled; nothing was changed.")
            return
        manifest, notes = restored
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']} "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
        for note in notes:
            self.stdout.write(note)
        self.stdout.write("Restart the site and its worker.")
        if self.migrations_pending():
            self.stdout.write(self.style.WARNING("Run `python manage.py migrate` next."))

    def ask(self, checked):
        files = checked["files"]
        self.stdout.write(
            f"Backup of {checked['created_at']} (Relais {checked['relais_version']}, "
            f"{checked['database']['engine']}): {len(files)} files verified.\n"
            "It will REPLACE the whole database and both media folders of this site; what "
            "was added since is lost, what was erased since comes back."
        )
        answer = input("Type 'yes' to restore, anything else to cancel: ")
        return answer.strip().lower() == "yes"

    def migrations_pending(self):
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
