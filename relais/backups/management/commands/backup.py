import time

from django.core.management.base import BaseCommand, CommandError

from relais.backups.errors import BackupError
from relais.backups.services import create_backup, expire_backups


class Command(BaseCommand):
    help = (
        "Back up the database and both media folders into a new folder inside DIR, with a "
        "manifest of SHA-256 checksums (see docs/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="where backup folders are kept")
        parser.add_argument(
            "--keep-days",
            type=int,
            metavar="N",
            help="then delete the backups of DIR made more than N days ago",
        )

    def handle(self, *args, directory, keep_days, **options):
        if keep_days is not None and keep_days < 1:
            raise CommandError("--keep-days must be at least 1: the new backup would go too.")
        started = time.monotonic()
        try:
            folder, manifest = create_backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        files = manifest["files"]
        size = sum(entry["size"] for entry in files)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {folder}: {len(files)} files, {size / 1e6:.1f} MB, "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
        if keep_days is not None:
            for expired in expire_backups(directory, keep_days):
                self.stdout.write(f"Expired: {expired}")
