from django.db import models
from django.utils.translation import gettext_lazy as _

from relais.media.choices import MediaStatus  # noqa: F401 - collect's models use it


class TestimonyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    RETURNED = "returned", _("Returned with comments")
    PUBLISHED = "published", _("Published")


# Which statuses an ambassador may still edit, and which an editor may act upon.
EDITABLE_BY_OWNER = {TestimonyStatus.DRAFT, TestimonyStatus.RETURNED}
