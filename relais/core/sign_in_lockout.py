"""Password sign-in lockout, shared by the contributor space and the Wagtail admin.

Failures are counted per (account, address), as django-axes does, so that someone guessing a
password from elsewhere never locks the owner out; a second counter per address stops one
machine from trying many accounts. Counters live in the default cache (Redis with several
servers), never in the page cache that an erasure empties.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError

MAX_FAILED_SIGN_INS = 10  # for one account from one address
MAX_FAILED_SIGN_INS_PER_ADDRESS = 30  # from one address, whatever the accounts
LOCK_SECONDS = 15 * 60


def throttle_key(kind, *parts):
    """Hash what was typed or sent: it is untrusted text, and cache keys must stay plain ASCII."""
    text = "\n".join(part.strip().lower() for part in parts)
    return f"{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def count(key, seconds):
    """Add one to a counter that expires `seconds` after its first use; return the count."""
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return 1


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


def _failure_keys(username, address):
    return (
        throttle_key("sign-in-failures", username, address),
        throttle_key("sign-in-failures-address", address),
    )


def sign_in_locked(username, address):
    pair, per_address = _failure_keys(username, address)
    return (
        cache.get(pair, 0) >= MAX_FAILED_SIGN_INS
        or cache.get(per_address, 0) >= MAX_FAILED_SIGN_INS_PER_ADDRESS
    )


def record_failed_sign_in(username, address):
    for key in _failure_keys(username, address):
        count(key, LOCK_SECONDS)


def clear_failed_sign_ins(username, address):
    """Forget an account's failures from this address; the address's own count stays."""
    cache.delete(_failure_keys(username, address)[0])


class LockoutMixin:
    """For a Django AuthenticationForm: refuse to check a password while locked out.

    The form's `error_messages["locked"]` says what to do; a locked form is shown again
    with that error, like any refused sign-in.
    """

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        if sign_in_locked(username, address):
            raise ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except ValidationError:
            record_failed_sign_in(username, address)
            raise
        clear_failed_sign_ins(username, address)
        return cleaned
