"""What a visitor sends to the idea box, and where editors take it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IdeaKind(models.TextChoices):
    IDEA = "idea", _("An idea")
    QUESTION = "question", _("A question")
    TIP = "tip", _("A tip")


class IdeaStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("idea box", "New")
    ANSWERED = "answered", pgettext_lazy("idea box", "Answered privately")
    PUBLISHED = "published", _("Published in the FAQ")
    CARD = "card", _("Turned into a card")
    DISCARDED = "discarded", pgettext_lazy("idea box", "Discarded")
