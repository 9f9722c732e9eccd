"""Second factors of staff accounts, on django-otp's devices.

Each member of staff has at most one authenticator app (a TOTPDevice, confirmed once they
typed a code from it) and one sheet of recovery codes (a StaticDevice whose tokens are each
deleted when used). django-otp throttles wrong codes per device: after each failure, the next
try must wait twice as long as the last (1 s, 2 s, 4 s…).
"""

import logging
import math
import re
from base64 import b32encode
from dataclasses import dataclass

from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Application d'authentification"
RECOVERY_DEVICE_NAME = "Codes de secours"
RESET_ACTION = "relais.staff.reset_second_factor"
ACCESS_ADMIN = "wagtailadmin.access_admin"


def needs_second_factor(user):
    """Anyone who may open the admin signs in with a second factor."""
    return user.is_authenticated and user.has_perm(ACCESS_ADMIN)


def app_device(user):
    """Return the user's confirmed authenticator app, or None if they must enrol."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_app_device(user):
    """Return the app being enrolled (its secret stays the same until it is confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_in_groups(device):
    """The secret as people type it into an app: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_app_device(device):
    """Keep this app as the user's only one and return a fresh sheet of recovery codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones; return them (shown once, then never)."""
    StaticDevice.objects.filter(user=user).delete()
    sheet = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=sheet, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@dataclass
class CodeCheck:
    """What came of a typed code: the device that accepted it, or how long to wait."""

    device: object = None
    wait_seconds: int = 0


def normalise(code):
    """Codes are read aloud, copied and pasted: ignore spaces, dashes and case."""
    return re.sub(r"[\s-]", "", code or "").lower()


def recovery_sheets(user):
    return list(StaticDevice.objects.devices_for_user(user, confirmed=True))


def check_code(user, code, devices):
    """Try a code against some of the user's devices, unless one of them makes us wait."""
    code = normalise(code)
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed:
            locked_until = (details or {}).get("locked_until") or timezone.now()
            wait = math.ceil((locked_until - timezone.now()).total_seconds())
            return CodeCheck(wait_seconds=max(1, wait))
        accepted = verify_token(user, device.persistent_id, code)
        if accepted is not None:
            return CodeCheck(device=accepted)
    return CodeCheck()


@transaction.atomic
def reset_second_factor(user, by=None, via="admin"):
    """Delete every second factor of `user`: they enrol a new app at their next sign-in.

    Sessions already verified with the deleted devices lose their verification at once.
    The reset is written in Wagtail's history (Reports › Site history) and in the log.
    """
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    deleted = len(devices)
    log(instance=user, action=RESET_ACTION, user=by, data={"via": via, "devices": deleted})
    logger.warning(
        "Second factor of %s reset by %s (%s) at %s: %d device(s) deleted.",
        user.get_username(),
        by.get_username() if by else "a server command",
        via,
        timezone.now().isoformat(),
        deleted,
    )
    return deleted


RESET_LABEL = _("Reset two-factor authentication")
RESET_MESSAGE = _("Two-factor authentication reset: a new app will be enrolled at next sign-in")
