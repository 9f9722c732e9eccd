"""Admin: a report of how many questions each ambassador received, month by month."""

from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import QuestionCount


def month_name(row):
    return date_format(row.month, "F Y")


class QuestionCountReport(ReportView):
    """Counts only: the questions themselves were relayed by email and never kept."""

    model = QuestionCount
    permission_policy = ModelPermissionPolicy(QuestionCount)
    permission_required = "view"
    page_title = _("Questions to ambassadors")
    header_icon = "mail"
    index_url_name = "contact_question_counts"
    index_results_url_name = "contact_question_counts_results"
    columns = [
        Column("month", label=_("Month"), accessor=month_name),
        Column("ambassador", label=_("Ambassador")),
        Column("count", label=_("Questions relayed")),
    ]
    list_export = ["month", "ambassador", "count"]
    export_headings = {
        "month": _("Month"),
        "ambassador": _("Ambassador"),
        "count": _("Questions relayed"),
    }

    def get_queryset(self):
        return QuestionCount.objects.select_related("ambassador")

    def get_filename(self):
        return "questions-ambassadeurs"


class QuestionCountMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("contact.view_questioncount")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/questions-ambassadeurs/",
            QuestionCountReport.as_view(),
            name="contact_question_counts",
        ),
        path(
            "reports/questions-ambassadeurs/results/",
            QuestionCountReport.as_view(results_only=True),
            name="contact_question_counts_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return QuestionCountMenuItem(
        _("Questions to ambassadors"),
        reverse("contact_question_counts"),
        name="questions-to-ambassadors",
        icon_name="mail",
        order=1200,
    )
