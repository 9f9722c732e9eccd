import time

from django.core.management.base import BaseCommand, CommandError

from relais.demo.bulk_cards import add_cards


class Command(BaseCommand):
    help = "Add N public knowledge cards at one stage, in bulk, for load tests (after load_demo)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many cards to add.")
        parser.add_argument("--stage", default="comptoir", help="The stage's slug.")

    def handle(self, *args, count, stage, **options):
        if count < 1:
            raise CommandError("Give a number of cards above zero.")
        start = time.perf_counter()
        try:
            add_cards(count, stage)
        except ValueError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - start
        self.stdout.write(self.style.SUCCESS(f"{count} cards added in {elapsed:.1f} s."))
