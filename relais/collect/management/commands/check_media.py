from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from relais.media.integrity import DEFAULT_MIN_AGE, check_media, remove


class Command(BaseCommand):
    help = (
        "List what a crash can leave in media storage: unfinished writes (.relais-*.part), "
        "files no row points at, rows whose file is missing. With --fix, delete the first "
        "two kinds once older than --min-age minutes (docs/crash-safety.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Delete the files listed.")
        parser.add_argument(
            "--min-age",
            type=float,
            default=DEFAULT_MIN_AGE.total_seconds() / 60,
            help="Leave files written less than this many minutes ago (default: %(default)s): "
            "a running server may still be saving them. 0 when no server runs.",
        )

    def handle(self, *args, fix=False, min_age=60, **options):
        found = check_media()
        before = timezone.now() - timedelta(minutes=min_age)
        removable = found.removable(before)
        for kind, files in (("unfinished write", found.temporary), ("orphan", found.orphans)):
            for stored in files:
                kept = "" if stored in removable else f" (kept: newer than {min_age:g} min)"
                self.stdout.write(f"{kind}: {stored}{kept}")
        for name in found.missing:
            self.stdout.write(f"missing: {name} (a row points at it)")
        if fix:
            remove(removable)
        verb = "deleted" if fix else "to delete with --fix"
        self.stdout.write(
            f"{len(found.temporary)} unfinished writes, {len(found.orphans)} orphans "
            f"({len(removable)} {verb}), {len(found.missing)} missing files."
        )
