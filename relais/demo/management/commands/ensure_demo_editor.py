from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from relais.collect.accounts import login_link
from relais.demo.collect import load_demo_ambassador

USERNAME = "editeur"
PASSWORD = "relais-demo"  # noqa: S105 - demo only, refused when DEBUG is off


class Command(BaseCommand):
    help = "Create the demo editor and ambassador (only with DEBUG on) and say how to sign in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are only created with DEBUG on (make demo).")
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "email": "editeur@example.org"},
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        ambassador = load_demo_ambassador()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(
            f"Editor: {base}/admin/ user {USERNAME!r} password {PASSWORD!r}\n"
            f"Ambassador ({ambassador.email}), one-time link valid 24 h:\n"
            f"  {login_link(ambassador)}\n"
            f"  or ask for a link at {base}/contribuer/connexion/ "
            "(the email is printed in this console)."
        )
