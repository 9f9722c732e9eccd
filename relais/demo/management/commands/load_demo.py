from django.core.management.base import BaseCommand

from relais.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the fictional demo content of the Budget citoyen du Pas-de-Calais (idempotent)."

    def handle(self, *args, **options):
        home = load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded; home page: {home.get_url()}"))
