"""Admin: a "Boîte à idées" menu with the ideas received (new first) and the FAQ entries."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import FaqEntry, Idea


def moderate_url(idea):
    return reverse("ideas_admin:moderate", args=[idea.pk])


class IdeaIndexView(IndexView):
    """Each idea opens on its moderation screen, not on a form to edit a visitor's words."""

    def get_edit_url(self, instance):
        return moderate_url(instance)


class IdeasComeFromVisitors(ModelPermissionPolicy):
    """Nobody adds an idea in the admin (not even a superuser): they come from the public form."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Idea, IdeasComeFromVisitors(Idea))


class IdeaViewSet(ModelViewSet):
    model = Idea
    icon = "mail"
    menu_label = _("Ideas received")
    index_view_class = IdeaIndexView
    list_display = [
        TitleColumn(
            "text",
            label=pgettext_lazy("idea box", "Message"),
            accessor="__str__",
            get_url=moderate_url,
        ),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        BooleanColumn("consent_to_publish", label=_("May be published")),
        DateColumn("created_at", label=pgettext_lazy("idea box", "Received")),
    ]
    list_filter = ["status", "kind", "consent_to_publish"]
    search_fields = ["text", "name", "email"]
    search_backend_name = None  # the database's own search: no index of personal data
    ordering = ["-created_at"]
    list_per_page = 50
    form_fields = ["status"]
    inspect_view_enabled = False
    copy_view_enabled = False


class FaqEntryViewSet(ModelViewSet):
    model = FaqEntry
    icon = "help"
    menu_label = pgettext_lazy("idea box", "Frequently asked questions")
    list_display = [
        "question",
        Column("stage", label=_("Stage")),
        BooleanColumn("published", label=_("Published")),
        "sort_order",
    ]
    list_filter = ["stage", "published"]
    search_fields = ["question", "answer"]
    search_backend_name = None
    ordering = ["stage__sort_order", "sort_order", "pk"]
    sort_order_field = "sort_order"
    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("stage"),
        FieldPanel("published"),
        FieldPanel("slug"),
        FieldPanel("source_idea", read_only=True),
    ]
    copy_view_enabled = False


class IdeaBoxGroup(ViewSetGroup):
    menu_label = pgettext_lazy("idea box", "Idea box")
    menu_icon = "mail"
    menu_order = 230
    items = (
        IdeaViewSet("ideas_idea", url_prefix="boite-a-idees/idees"),
        FaqEntryViewSet("ideas_faq", url_prefix="boite-a-idees/faq"),
    )


@hooks.register("register_admin_viewset")
def register_idea_box():
    return IdeaBoxGroup()


@hooks.register("register_admin_urls")
def register_moderation_urls():
    urls = [path("<int:pk>/", admin_views.moderate, name="moderate")]
    return [path("boite-a-idees/idee/", include((urls, "ideas_admin")))]
