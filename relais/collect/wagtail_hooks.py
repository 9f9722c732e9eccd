"""Admin: the interview grid, consent texts, the testimonies to review and their dashboard panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import accounts, admin_views
from .choices import TestimonyStatus
from .models import ConsentText, InterviewQuestion, Testimony


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
    path("<int:pk>/photos/<int:photo_pk>/", admin_views.testimony_photo, name="photo"),
    path(
        "<int:pk>/enregistrements/<int:recording_pk>/<str:variant>/",
        admin_views.testimony_audio,
        name="audio",
    ),
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


class TestimoniesToReviewPanel(Component):
    """Dashboard panel: the testimonies ambassadors submitted and nobody has opened yet."""

    name = "testimonies_to_review"
    template_name = "collect/admin/home_panel.html"
    order = 50  # above Wagtail's own panels: this is what editors come for
    shown = 10

    def get_context_data(self, parent_context):
        submitted = Testimony.objects.filter(status=TestimonyStatus.SUBMITTED)
        testimonies = list(submitted.select_related("owner").order_by("updated_at")[: self.shown])
        for testimony in testimonies:
            testimony.ambassador_name = admin_views.ambassador_name(testimony)
        return {"count": submitted.count(), "testimonies": testimonies}


@hooks.register("construct_homepage_panels")
def add_testimonies_to_review_panel(request, panels):
    if accounts.is_editor(request.user):
        panels.append(TestimoniesToReviewPanel())
