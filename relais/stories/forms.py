"""Admin form of story pages."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from relais.media.choices import MediaStatus


class StoryPageForm(WagtailAdminPageForm):
    """Say plainly why a story cannot be published yet: summary, capsule transcripts, audio.

    Wagtail defers required fields when a draft is saved, so a story drafted from a
    testimony can wait for its summary and its capsules' transcripts; publishing (or
    submitting for review) without them shows these messages.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intro"].error_messages["required"] = _(
            "Write the summary before publishing: one or two sentences of your own that "
            "introduce the story in lists."
        )

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            for message in capsule_problems(cleaned_data.get("body") or []):
                self.add_error(None, message)
        return cleaned_data


def capsule_problems(body):
    """Return why the audio capsules of a story body may not be published yet, if they may not."""
    problems = []
    for block in body:
        capsule = block.value.get("capsule") if block.block_type == "audio" else None
        if capsule is None:
            continue
        values = {"title": capsule.title}
        if not capsule.transcript.strip():
            problems.append(
                _(
                    "Write the transcript of the audio capsule “%(title)s” before publishing: "
                    "everyone must be able to read what it says."
                )
                % values
            )
        if capsule.status == MediaStatus.PENDING:
            problems.append(
                _("The audio capsule “%(title)s” is still being processed: try again shortly.")
                % values
            )
        elif capsule.status == MediaStatus.FAILED:
            problems.append(
                _(
                    "The audio file of the capsule “%(title)s” could not be processed: "
                    "upload it again before publishing."
                )
                % values
            )
    return problems
