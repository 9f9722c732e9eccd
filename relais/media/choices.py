from django.db import models
from django.utils.translation import gettext_lazy as _


class MediaStatus(models.TextChoices):
    """Where a stored recording is in the pipeline: web versions are written in the background."""

    PENDING = "pending", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
