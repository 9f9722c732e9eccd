"""Admin menu of the glossary (a Wagtail snippet), in French alphabetical order (the model's)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "slug"]
    # A few hundred short rows at most: the database's own search is enough (no index).
    search_fields = ["term", "synonyms", "definition"]
    search_backend_name = None


register_snippet(GlossaryTermViewSet)
