"""Ambassador accounts: invitations, one-time sign-in links and roles (lockout: relais.core)."""

from sesame.utils import get_query_string

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from relais.core.sign_in_lockout import count, throttle_key

AMBASSADORS_GROUP = "Ambassadeurs"
FUNDERS_GROUP = "Financeurs"
MAX_LINKS_PER_HOUR = 5


def is_editor(user):
    """Editors review testimonies in the Wagtail admin."""
    return user.is_active and user.has_perm("collect.change_testimony")


def is_ambassador(user):
    return user.is_active and user.groups.filter(name=AMBASSADORS_GROUP).exists()


def login_link(user):
    """Return the absolute one-time sign-in link of a user (valid SESAME_MAX_AGE seconds)."""
    path = reverse("collect:login_link") + get_query_string(user)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_login_link(user, invited=False):
    context = {"user": user, "link": login_link(user), "invited": invited}
    send_mail(
        render_to_string("collect/email/login_link_subject.txt", context).strip(),
        render_to_string("collect/email/login_link.txt", context),
        None,
        [user.email],
    )


def invite_ambassador(email, first_name=""):
    """Create (or find) the ambassador account for an email address and send its link."""
    email = get_user_model().objects.normalize_email(email).lower()
    user, created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first_name}
    )
    if created:
        user.set_unusable_password()
        user.save()
    group, _ = Group.objects.get_or_create(name=AMBASSADORS_GROUP)
    user.groups.add(group)
    send_login_link(user, invited=True)
    return user


def may_send_link(email):
    """Refuse to email more than a few sign-in links an hour to the same address."""
    return count(throttle_key("sign-in-links", email), 3600) <= MAX_LINKS_PER_HOUR
