"""What editors do with an idea: answer it, publish it in the FAQ, make a card of it, or
discard it; and the email that tells its sender, when they left an address.

Once an idea is dealt with, its sender's name and address are erased: they were kept only
to answer (the public form says so).
"""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from relais.knowledge.models import CARD_BODY_MAX_LENGTH, KnowledgeCard
from relais.knowledge.services import unique_card_slug

from .choices import IdeaStatus
from .models import FaqEntry

CARD_TITLE_MAX_LENGTH = 140


def shortened(text, limit):
    """Return text cut at a word boundary to at most `limit` characters (with "…" if cut)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def notify(idea, template, context):
    """Email the sender (if they left an address) from ideas/email/<template>_*.txt."""
    if not idea.email:
        return False
    context = {"idea": idea, **context}
    subject = render_to_string(f"ideas/email/{template}_subject.txt", context)
    body = render_to_string(f"ideas/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [idea.email])
    return True


def forget_sender(idea):
    """Erase the sender's name and address: the form promises to keep them only to answer."""
    idea.name, idea.email = "", ""
    idea.save(update_fields=["name", "email"])


def _answered(idea, status, answer=""):
    idea.status = status
    idea.answer = answer
    idea.answered_at = timezone.now()
    idea.save(update_fields=["status", "answer", "answered_at"])


def publish_as_faq(idea, entry, absolute_url):
    """Save the entry answering an idea (published), and tell its sender where it is.

    `absolute_url` turns a path into a full address for the email (request.build_absolute_uri).
    """
    if not idea.consent_to_publish:
        raise ValueError("The sender did not agree to publication.")
    with transaction.atomic():
        entry.source_idea = idea
        entry.published = True
        entry.save()
        _answered(idea, IdeaStatus.PUBLISHED, entry.answer)
    notify(idea, "published", {"entry": entry, "url": absolute_url(entry.get_absolute_url())})
    forget_sender(idea)
    return entry


def answer_privately(idea, answer):
    """Record the answer and send it to the sender: nothing is published."""
    _answered(idea, IdeaStatus.ANSWERED, answer)
    notify(idea, "answered", {"answer": answer})
    forget_sender(idea)


def make_card(idea, card_type, stages, title=""):
    """Create a draft card from an idea (not shown to visitors) and tell its sender."""
    if not idea.consent_to_publish:
        raise ValueError("The sender did not agree to publication.")
    title = shortened(title or idea.text, CARD_TITLE_MAX_LENGTH)
    with transaction.atomic():
        card = KnowledgeCard(
            title=title,
            slug=unique_card_slug(title),
            card_type=card_type,
            body=shortened(idea.text, CARD_BODY_MAX_LENGTH),
            live=False,
        )
        card.stages = list(stages)
        card.save()
        idea.card = card
        idea.save(update_fields=["card"])
        _answered(idea, IdeaStatus.CARD)
    notify(idea, "card", {"card": card})
    forget_sender(idea)
    return card


def discard(idea):
    """Set the idea aside: no email (a discarded message gets no answer)."""
    idea.status = IdeaStatus.DISCARDED
    idea.save(update_fields=["status"])
    forget_sender(idea)


def new_faq_entry(idea):
    """Return an unsaved entry pre-filled from an idea: its text as the question."""
    return FaqEntry(question=shortened(idea.text, 300), source_idea=idea)
