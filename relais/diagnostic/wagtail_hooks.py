"""The diagnostic's questions in the admin: a snippet with its answers inline."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DiagnosticQuestion


class DiagnosticQuestionViewSet(SnippetViewSet):
    model = DiagnosticQuestion
    icon = "help"
    menu_label = _("Self-diagnostic")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["text", "sort_order"]
    ordering = ["sort_order", "pk"]
    # A dozen short rows: the database's own search is enough (no index).
    search_fields = ["text"]
    search_backend_name = None


register_snippet(DiagnosticQuestionViewSet)
