"""Admin menus for the programme's data (Wagtail snippets)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Ambassador, LaureateProject, Programme, Stage, Territory, Theme


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "site"
    list_display = ["name", "collectivity"]


class StageViewSet(SnippetViewSet):
    model = Stage
    icon = "list-ol"
    list_display = ["name", "typical_period", "programme"]
    list_filter = ["programme"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "globe"
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]


class LaureateProjectViewSet(SnippetViewSet):
    model = LaureateProject
    icon = "pick"
    list_display = ["name", "carrier", "commune"]
    list_filter = ["themes"]
    search_fields = ["name"]


class AmbassadorViewSet(SnippetViewSet):
    model = Ambassador
    icon = "user"
    list_display = ["display_name", "structure", "public_profile"]
    list_filter = ["public_profile"]


class JourneyGroup(SnippetViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "site"
    menu_order = 200
    items = (
        ProgrammeViewSet,
        StageViewSet,
        ThemeViewSet,
        TerritoryViewSet,
        LaureateProjectViewSet,
        AmbassadorViewSet,
    )


register_snippet(JourneyGroup)
