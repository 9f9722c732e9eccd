import getpass

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from relais.staff.services import reset_second_factor


class Command(BaseCommand):
    help = (
        "Delete a staff member's authenticator app and recovery codes (lost phone): they set "
        "up a new app at their next sign-in. The reset is kept in Wagtail's site history."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the account's user name (as typed at sign-in)")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as missing:
            raise CommandError(f"No account with the user name {username!r}.") from missing
        deleted = reset_second_factor(user, via=f"manage.py reset_staff_2fa ({operator()})")
        self.stdout.write(
            f"{username}: {deleted} device(s) deleted; a new authenticator app will be set up "
            "at the next sign-in."
        )


def operator():
    """Name the server account that ran the command, for the history."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (some containers)
        return "unknown server user"
