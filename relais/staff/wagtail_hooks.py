"""Admin: the second sign-in step's pages, the reset button of users, its history entry."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import services, urls
from .views import MANAGE_USERS


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [path("double-authentification/", include(urls))]


@hooks.register("register_log_actions")
def register_reset_action(actions):
    actions.register_action(
        services.RESET_ACTION,
        services.RESET_LABEL,
        _("Two-factor authentication reset"),
    )


@hooks.register("register_user_listing_buttons")
def reset_button(user, request_user):
    if request_user.has_perm(MANAGE_USERS):
        yield Button(
            services.RESET_LABEL,
            url=reverse("staff_2fa:reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
