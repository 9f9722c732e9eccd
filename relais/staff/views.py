"""The second step of the admin sign-in: enrol an authenticator app, or type a code."""

from urllib.parse import urlencode

import django_otp

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from . import services
from .forms import AppCodeForm, RecoveryCodeForm
from .qr import qr_svg

CODES_KEY = "relais_new_recovery_codes"  # shown once on the next page, then forgotten
MANAGE_USERS = "auth.change_user"  # Wagtail's permission to edit users


def next_url(request):
    """Where the admin was going before the second step; the admin home if unsafe or unset."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe and url else reverse("wagtailadmin_home")


def with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def mark_verified(request, device):
    """The session gains a privilege: give it a new key, then record the device in it."""
    request.session.cycle_key()
    django_otp.login(request, device)


def render(request, template, context, form_errors=False):
    context = {"next": next_url(request), **context}
    return TemplateResponse(request, template, context, status=400 if form_errors else 200)


@never_cache
def enrol(request):
    """Show the QR code and the secret of a new app; a valid code from it confirms it."""
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if services.app_device(user):
        return redirect(with_next("staff_2fa:verify", request))
    device = services.pending_app_device(user)
    form = AppCodeForm(request.POST or None, user=user, devices=[device])
    if request.method == "POST" and form.is_valid():
        request.session[CODES_KEY] = services.confirm_app_device(device)
        mark_verified(request, device)
        return redirect(with_next("staff_2fa:recovery_codes", request))
    context = {
        "form": form,
        "qr_code": qr_svg(device.config_url, _("QR code to scan with your authenticator app")),
        "secret": services.secret_in_groups(device),
    }
    return render(request, "staff/enrol.html", context, form_errors=bool(form.errors))


@never_cache
def verify(request):
    """Ask for a code from the app, or one of the recovery codes."""
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    app = services.app_device(user)
    if app is None:
        return redirect(with_next("staff_2fa:enrol", request))
    data = request.POST if request.method == "POST" else None
    recovering = data is not None and "recovery_code" in data
    app_form = AppCodeForm(None if recovering else data, user=user, devices=[app])
    recovery_form = RecoveryCodeForm(
        data if recovering else None, user=user, devices=services.recovery_sheets(user)
    )
    form = recovery_form if recovering else app_form
    if form.is_bound and form.is_valid():
        mark_verified(request, form.device)
        if recovering:
            warn_recovery_codes_left(request, services.recovery_codes_left(user))
        return redirect(next_url(request))
    context = {"app_form": app_form, "recovery_form": recovery_form}
    return render(request, "staff/verify.html", context, form_errors=bool(form.errors))


def warn_recovery_codes_left(request, left):
    message = ngettext(
        "You signed in with a recovery code: %(left)d code is left. If you lost your "
        "phone, ask an administrator to reset your two-factor authentication.",
        "You signed in with a recovery code: %(left)d codes are left. If you lost your "
        "phone, ask an administrator to reset your two-factor authentication.",
        left,
    )
    messages.warning(request, message % {"left": left})


@never_cache
def recovery_codes(request):
    """Show the new recovery codes once; afterwards they are only in the person's notes."""
    codes = request.session.pop(CODES_KEY, None)
    if not codes:
        return redirect(next_url(request))
    return render(request, "staff/recovery_codes.html", {"codes": codes})


@never_cache
def reset(request, user_id):
    """An administrator resets someone's second factor (a lost or replaced phone)."""
    if not request.user.has_perm(MANAGE_USERS):
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        services.reset_second_factor(person, by=request.user, via="admin")
        messages.success(request, services.RESET_MESSAGE)
        return redirect("wagtailusers_users:edit", person.pk)
    context = {
        "person": person,
        "has_app": services.app_device(person) is not None,
        "codes_left": services.recovery_codes_left(person),
    }
    return TemplateResponse(request, "staff/reset.html", context)
