"""Every admin page asks for the second factor of a session signed in with a password only."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from relais.core.middleware import is_admin_path

from . import services

# Admin pages a session may open before its second factor: signing in and out, the
# password reset, the icons and translations every admin page loads, the second-factor steps.
OPEN_URL_NAMES = {
    "wagtailadmin_sprite",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "staff_2fa:enrol",
    "staff_2fa:verify",
}


def is_open(path):
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.view_name in OPEN_URL_NAMES


def second_factor_url(user, next_url):
    """The enrolment for someone without an app yet, else the page asking for a code."""
    step = "staff_2fa:verify" if services.app_device(user) else "staff_2fa:enrol"
    return f"{reverse(step)}?{urlencode({'next': next_url})}"


class AdminSecondFactorMiddleware:
    """Send staff whose session has no verified second factor to that step.

    Put after django-otp's OTPMiddleware. Users who may not open the admin (ambassadors,
    funders) are left to Wagtail, which sends them to its sign-in page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            is_admin_path(request.path)
            and services.needs_second_factor(request.user)
            and not request.user.is_verified()
            and not is_open(request.path_info)
        ):
            next_url = (
                request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
            )
            return redirect(second_factor_url(request.user, next_url))
        return self.get_response(request)
