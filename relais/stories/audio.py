"""Audio capsules: a checked audio file with its full transcript and optional chapters."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from relais.core.uploads import local_copy

from .services import AudioError, probe_audio

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
        upload = getattr(self.file, "_file", None)
        if upload is None:
            return
        if upload.size > settings.RELAIS_AUDIO_MAX_BYTES:
            raise ValidationError({"file": _("This file is too large: 100 MB at most.")})
        try:
            info = self._probe_upload(upload)
        except AudioError as exc:
            raise ValidationError({"file": str(exc)}) from exc
        self.duration_seconds = info.duration_seconds

    @staticmethod
    def _probe_upload(upload):
        """Probe an uploaded file, spooling it to disk first when it is held in memory."""
        with local_copy(upload) as path:
            return probe_audio(path)

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
