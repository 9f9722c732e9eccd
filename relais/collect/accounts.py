"""Ambassador accounts: invitations, one-time sign-in links, roles and sign-in throttling."""

import hashlib

from sesame.utils import get_query_string

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

AMBASSADORS_GROUP = "Ambassadeurs"
FUNDERS_GROUP = "Financeurs"
MAX_FAILED_SIGN_INS = 10  # for one account from one address
MAX_FAILED_SIGN_INS_PER_ADDRESS = 30  # from one address, whatever the accounts
LOCK_SECONDS = 15 * 60
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


def _throttle_key(kind, *parts):
    """Hash what was typed or sent: it is untrusted text, and cache keys must stay plain ASCII."""
    text = "\n".join(part.strip().lower() for part in parts)
    return f"{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def _count(key, seconds):
    """Add one to a counter that expires `seconds` after its first use; return the count."""
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return 1


def may_send_link(email):
    """Refuse to email more than a few sign-in links an hour to the same address."""
    return _count(_throttle_key("sign-in-links", email), 3600) <= MAX_LINKS_PER_HOUR


def client_address(request):
    """Return the address the request came from, as the trusted reverse proxies saw it.

    Behind N proxies (RELAIS_TRUSTED_PROXY_COUNT), each appended the address it received
    from to X-Forwarded-For; the N-th from the end is the client's, and anything before
    it was typed by the client. Without a proxy, REMOTE_ADDR is the client.
    """
    proxies = settings.RELAIS_TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


# Failures are counted per (account, address), as django-axes does, so that someone
# guessing an ambassador's password from elsewhere never locks the owner out; a
# second counter per address stops one machine from trying many accounts.
def _failure_keys(username, address):
    return (
        _throttle_key("sign-in-failures", username, address),
        _throttle_key("sign-in-failures-address", address),
    )


def sign_in_locked(username, address):
    pair, per_address = _failure_keys(username, address)
    return (
        cache.get(pair, 0) >= MAX_FAILED_SIGN_INS
        or cache.get(per_address, 0) >= MAX_FAILED_SIGN_INS_PER_ADDRESS
    )


def record_failed_sign_in(username, address):
    for key in _failure_keys(username, address):
        _count(key, LOCK_SECONDS)


def clear_failed_sign_ins(username, address):
    """Forget an account's failures from this address; the address's own count stays."""
    cache.delete(_failure_keys(username, address)[0])
