"""Admin sign-in forms: the password (with the shared lockout), then a second factor."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.forms.auth import LoginForm

from relais.core.sign_in_lockout import LockoutMixin

from . import services


class AdminLoginForm(LockoutMixin, LoginForm):
    """Wagtail's sign-in form, locked like the contributor's after repeated failures."""

    error_messages = {
        **LoginForm.error_messages,
        "locked": _("Too many failed attempts: wait 15 minutes before trying again."),
    }


WRONG_CODE = _("This code is not valid. Check it and type it again.")


def wait_message(seconds):
    return ngettext(
        "Too many wrong codes: wait %(seconds)d second before trying again.",
        "Too many wrong codes: wait %(seconds)d seconds before trying again.",
        seconds,
    ) % {"seconds": seconds}


class CodeForm(forms.Form):
    """A code to check against some devices of a user; `device` is the one that accepted it."""

    def __init__(self, *args, user, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.devices, self.device = user, devices, None

    def check(self, code):
        result = services.check_code(self.user, code, self.devices)
        if result.wait_seconds:
            raise ValidationError(wait_message(result.wait_seconds), code="throttled")
        if result.device is None:
            raise ValidationError(WRONG_CODE, code="invalid")
        self.device = result.device
        return code


class AppCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Six-digit code shown by your app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": r"[0-9 ]*",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Type the six-digit code shown by your app.")},
    )

    def clean_code(self):
        code = services.normalise(self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == 6):
            raise ValidationError(_("The code has six digits, for example 123456."), code="format")
        return self.check(code)


class RecoveryCodeForm(CodeForm):
    recovery_code = forms.CharField(
        label=_("One of your recovery codes"),
        max_length=24,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Type one of your recovery codes.")},
    )

    def clean_recovery_code(self):
        return self.check(self.cleaned_data["recovery_code"])
