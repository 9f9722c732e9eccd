import time

from django.core.management.base import BaseCommand, CommandError

from relais.demo.bulk_stories import NothingToClone, add_stories


class Command(BaseCommand):
    help = (
        "Add N published stories cloned from the listing's stories, in bulk, for load tests "
        "(run load_demo first; start the servers afterwards: cached pages are not cleared)."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many stories to add.")

    def handle(self, *args, count, **options):
        if count < 1:
            raise CommandError("Give a number of stories above zero.")
        start = time.perf_counter()
        try:
            add_stories(count)
        except NothingToClone as error:
            raise CommandError(f"{error} Run `manage.py load_demo` first.") from error
        elapsed = time.perf_counter() - start
        self.stdout.write(self.style.SUCCESS(f"{count} stories added in {elapsed:.1f} s."))
