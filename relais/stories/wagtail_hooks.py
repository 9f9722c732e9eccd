"""Admin menu for the audio capsule library."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .audio import AudioCapsule


class AudioCapsuleViewSet(SnippetViewSet):
    model = AudioCapsule
    icon = "media"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", Column("duration_label", label=_("Duration")), "status"]
    search_fields = ["title"]


register_snippet(AudioCapsuleViewSet)
