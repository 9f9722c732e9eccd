"""Admin: the interview grid, consent texts and the testimonies to review."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import accounts, admin_views
from .models import ConsentText, InterviewQuestion


class InterviewQuestionViewSet(SnippetViewSet):
    model = InterviewQuestion
    icon = "help"
    list_display = ["text", "stage", "required"]
    list_filter = ["stage", "required"]


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    list_display = ["version", "created_at"]


class CollectGroup(SnippetViewSetGroup):
    menu_label = _("Interview grid")
    menu_icon = "help"
    menu_order = 220
    items = (InterviewQuestionViewSet, ConsentTextViewSet)


register_snippet(CollectGroup)

admin_urls = [
    path("", admin_views.testimony_list, name="list"),
    path("inviter/", admin_views.invite, name="invite"),
    path("<int:pk>/", admin_views.testimony_review, name="review"),
    path("<int:pk>/<str:action>/", admin_views.testimony_action, name="action"),
]


@hooks.register("register_admin_urls")
def register_testimony_urls():
    return [path("temoignages/", include((admin_urls, "collect_admin")))]


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return accounts.is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_testimony_menu():
    return EditorMenuItem(
        _("Testimonies"), reverse("collect_admin:list"), icon_name="user", order=205
    )
