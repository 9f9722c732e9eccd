from django.core.management.base import BaseCommand

from relais.search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every public story, card, glossary term and project."

    def handle(self, *args, **options):
        counts = rebuild()
        summary = ", ".join(f"{kind}: {n}" for kind, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt ({summary})."))
