"""What a visitor sends to the idea box, and where editors take it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdeaKind(models.TextChoices):
    IDEA = "idea", _("An idea")
    QUESTION = "question", _("A question")
    TIP = "tip", _("A tip")


class IdeaStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered privately")
    PUBLISHED = "published", _("Published in the FAQ")
    CARD = "card", _("Turned into a card")
    DISCARDED = "discarded", _("Discarded")
