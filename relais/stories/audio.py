"""Audio capsules: a checked audio file with its full transcript and optional chapters.

A file uploaded in the admin goes through the media pipeline like a contributor's
recording: checked by content before anything is stored, then loudness-normalised and
encoded to MP3 in a background task (``tasks.process_capsule``).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from relais.media.audio import validate_audio
from relais.media.choices import MediaStatus
from relais.media.uploads import MediaRejected

TIMESTAMP_PATTERN = re.compile(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")


def timestamp_to_seconds(value):
    """Turn "mm:ss" or "h:mm:ss" into seconds."""
    match = TIMESTAMP_PATTERN.match(value.strip())
    if not match:
        raise ValidationError(_("Write the time as minutes:seconds, for example 1:05."))
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def validate_timestamp(value):
    timestamp_to_seconds(value)


class AudioCapsule(index.Indexed, ClusterableModel):
    """A short audio story; the transcript is mandatory so that everyone can access it."""

    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("audio file"), upload_to="audio/")
    transcript = models.TextField(
        _("full transcript"),
        help_text=_(
            "Everything that is said, so that deaf and hard-of-hearing people can read it."
        ),
    )
    duration_seconds = models.FloatField(_("duration (seconds)"), null=True, editable=False)
    # Ready unless an uploaded file is being processed: files made by Relais itself (stories
    # drafted from testimonies, the demo) already went through the pipeline.
    status = models.CharField(
        _("processing status"),
        max_length=10,
        choices=MediaStatus.choices,
        default=MediaStatus.READY,
        editable=False,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldPanel("transcript"),
        InlinePanel("chapters", label=_("Chapters")),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("transcript")]

    class Meta:
        verbose_name = _("audio capsule")
        verbose_name_plural = _("audio capsules")

    def __str__(self):
        return self.title

    def clean(self):
        """Check a new upload by its content before it is stored; refuse it in French."""
        if not self.file or self.file._committed:  # no file, or the one already stored
            return
        try:
            info = validate_audio(self.file.file)
        except MediaRejected as rejected:
            raise ValidationError({"file": rejected.message}) from rejected
        self.duration_seconds = info.duration_seconds
        self.status = MediaStatus.PENDING

    def save(self, *args, **kwargs):
        """Save, then normalise and encode a newly accepted upload in the background."""
        needs_processing = self.status == MediaStatus.PENDING and not self.file._committed
        super().save(*args, **kwargs)
        if needs_processing:
            from .tasks import process_capsule  # the task module imports this model

            transaction.on_commit(lambda: process_capsule.enqueue(self.pk))

    @property
    def duration_label(self):
        """Return the duration as "3 min 05 s" for display."""
        total = round(self.duration_seconds or 0)
        minutes, seconds = divmod(total, 60)
        return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


class AudioChapter(Orderable):
    capsule = ParentalKey(AudioCapsule, on_delete=models.CASCADE, related_name="chapters")
    start = models.CharField(_("start (min:s)"), max_length=8, validators=[validate_timestamp])
    title = models.CharField(_("title"), max_length=160)

    panels = [FieldPanel("start"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return f"{self.start} {self.title}"

    @property
    def start_seconds(self):
        return timestamp_to_seconds(self.start)
