"""Factories of staff accounts' second factors, and a sign-in that includes one.

Tests that open admin pages sign staff in with `sign_in_with_second_factor(client, user)`
rather than `client.force_login(user)` alone, which leaves the session at the password step
(the admin then asks for a code, as it would of a person).
"""

import factory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from relais.core.tests.factories import UserFactory


class AppDeviceFactory(factory.django.DjangoModelFactory):
    """A confirmed authenticator app (TOTP); `current_code(device)` gives its code now."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Application d'authentification"
    confirmed = True


class RecoverySheetFactory(factory.django.DjangoModelFactory):
    """Recovery codes; `codes=[...]` sets them (default: ten random ones)."""

    class Meta:
        model = StaticDevice
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    name = "Codes de secours"
    confirmed = True

    @factory.post_generation
    def codes(self, create, extracted, **kwargs):
        if create:
            for code in extracted or [StaticToken.random_token() for _ in range(10)]:
                self.token_set.create(token=code)


def current_code(device, steps_ahead=0):
    """The six digits the person's app shows now (or `steps_ahead` periods of 30 s later)."""
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{value:0{device.digits}d}"


def sign_in_with_second_factor(client, user):
    """Sign `user` in as after their password and a code from their app; return the app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or AppDeviceFactory(user=user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def sign_in(client, user):
    """Sign `user` in all the way, as a person would: staff also type their app's code."""
    if user.has_perm("wagtailadmin.access_admin"):
        return sign_in_with_second_factor(client, user)
    client.force_login(user)
    return None
