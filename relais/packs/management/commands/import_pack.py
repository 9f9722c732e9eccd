from django.core.management.base import BaseCommand, CommandError

from relais.packs.services import PackInvalid, import_pack


class Command(BaseCommand):
    help = "Check a content pack, then import it in one transaction (idempotent, by slug)."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--dry-run", action="store_true", help="Print what would change.")

    def handle(self, *args, folder, dry_run, **options):
        try:
            changes = import_pack(folder, dry_run=dry_run)
        except PackInvalid as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(exc.errors)} problem(s): nothing was imported.") from exc
        for action, kind, slug in changes.changed():
            self.stdout.write(f"{action}: {kind} {slug}")
        summary = ", ".join(f"{changes.count(a)} {a}" for a in ("created", "updated", "unchanged"))
        prefix = "Dry run, nothing written: " if dry_run else "Pack imported: "
        self.stdout.write(self.style.SUCCESS(prefix + summary))
