"""Admin form of story pages."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class StoryPageForm(WagtailAdminPageForm):
    """Say plainly why a story cannot be published without its summary.

    Wagtail defers required fields when a draft is saved, so a story drafted from a
    testimony can wait for its summary; publishing it without one shows this message.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intro"].error_messages["required"] = _(
            "Write the summary before publishing: one or two sentences of your own that "
            "introduce the story in lists."
        )
