from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from relais.collect.accounts import login_link
from relais.demo.collect import load_demo_ambassador
from relais.staff import services as second_factor

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
        app, codes = demo_second_factor(user)
        ambassador = load_demo_ambassador()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        key = second_factor.secret_in_groups(app)
        self.stdout.write(
            f"Editor: {base}/admin/ user {USERNAME!r} password {PASSWORD!r}, then a second "
            "factor:\n"
            f"  a recovery code (each works once; new ones at every start): {' '.join(codes)}\n"
            f"  or the six-digit code of an authenticator app given the key {key}\n"
            f"  (the same key as a link, for apps that read one: {app.config_url})\n"
            f"  To try the set-up page instead: python manage.py reset_staff_2fa {USERNAME}\n"
            f"Ambassador ({ambassador.email}), one-time link valid 24 h:\n"
            f"  {login_link(ambassador)}\n"
            f"  or ask for a link at {base}/contribuer/connexion/ "
            "(the email is printed in this console)."
        )


def demo_second_factor(user):
    """Keep the demo editor's app (same key at every start) and give them fresh recovery codes."""
    app = second_factor.app_device(user)
    if app is None:
        app = second_factor.pending_app_device(user)
        return app, second_factor.confirm_app_device(app)
    return app, second_factor.new_recovery_codes(user)
