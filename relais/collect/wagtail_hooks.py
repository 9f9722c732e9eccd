"""Admin: the interview grid, consent texts, the testimonies to review and their dashboard panel."""

import django_filters

from django.contrib.auth import get_user_model
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from relais.journey.models import Stage

from . import accounts, admin_views
from .choices import TestimonyStatus
from .models import Answer, ConsentText, InterviewQuestion, Testimony


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


class TestimonyPermissionPolicy(ModelPermissionPolicy):
    """Editors read sent testimonies here and act through the workflow's screens only.

    No generic form adds, edits or deletes a testimony: a draft belongs to its
    ambassador, and erasing one is their right (withdrawal), not an admin button.
    """

    def user_has_permission(self, user, action):
        return action == "view" and accounts.is_editor(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["change"])


register_permission_policy(Testimony, TestimonyPermissionPolicy(Testimony))


class TestimonyFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[c for c in TestimonyStatus.choices if c[0] != TestimonyStatus.DRAFT],
    )
    stage = django_filters.ModelChoiceFilter(
        label=_("Stage told"),
        queryset=Stage.objects.filter(questions__isnull=False).distinct(),
        method="filter_stage",
    )
    updated_at = django_filters.DateFromToRangeFilter(
        label=_("Last change"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Testimony
        fields = []

    def filter_stage(self, queryset, name, stage):
        """Keep the testimonies with an answer written at that stage."""
        told = Answer.objects.filter(question__stage=stage).exclude(text="")
        return queryset.filter(pk__in=told.values("testimony"))


class TestimonyViewSet(ModelViewSet):
    """The editors' list of sent testimonies: filters, pages, a summary of each."""

    model = Testimony
    name = "testimonies"
    url_prefix = "temoignages"
    icon = "user"
    menu_label = _("Testimonies")
    menu_order = 205
    add_to_admin_menu = True
    index_view_class = admin_views.TestimonyIndexView
    inspect_view_class = admin_views.TestimonyInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "status",
        "ambassador",
        "consent",
        "consented_at",
        "consent_scope",
        "created_at",
        "updated_at",
    ]
    filterset_class = TestimonyFilterSet
    list_display = [
        "title",
        Column("ambassador", label=_("Ambassador"), accessor=admin_views.ambassador_name),
        "status",
        DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    ordering = ["-updated_at"]
    search_fields = ["title", "public_name"]
    search_backend_name = None
    list_per_page = 25

    def get_urlpatterns(self):
        """Serve the list and the summary only: the review screens do the rest."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


@hooks.register("register_admin_viewset")
def register_testimony_viewset():
    return TestimonyViewSet()


admin_urls = [
    path("inviter/", admin_views.invite, name="invite"),
    path("<int:pk>/", admin_views.testimony_review, name="review"),
    path("<int:pk>/photos/<uuid:photo_id>/", admin_views.testimony_photo, name="photo"),
    path(
        "<int:pk>/enregistrements/<uuid:recording_id>/<str:variant>/",
        admin_views.testimony_audio,
        name="audio",
    ),
    path("<int:pk>/<str:action>/", admin_views.testimony_action, name="action"),
]


@hooks.register("register_admin_urls")
def register_testimony_urls():
    return [path("temoignages/", include((admin_urls, "collect_admin")))]


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
