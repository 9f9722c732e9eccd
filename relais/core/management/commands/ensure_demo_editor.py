from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "editeur"
PASSWORD = "relais-demo"  # noqa: S105 - demo only, refused when DEBUG is off


class Command(BaseCommand):
    help = "Create the demo editor account (only with DEBUG on) and say how to sign in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo editor is only created with DEBUG on (make demo).")
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            f"Editor: http://127.0.0.1:8000/admin/ user {USERNAME!r} password {PASSWORD!r}"
        )
