from django.core.management.base import BaseCommand, CommandError

from relais.packs.files import PackError
from relais.packs.services import export_pack


class Command(BaseCommand):
    help = "Write all published content as a content pack (no drafts, no testimonies)."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        try:
            out = export_pack(folder)
        except PackError as exc:
            raise CommandError(str(exc)) from exc
        for note in out.notes:
            self.stdout.write(note)
        self.stdout.write(self.style.SUCCESS(f"Pack written to {folder}"))
