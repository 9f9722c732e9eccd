"""Relay a question to an ambassador by email, and count it; the words are never stored."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from .models import QuestionCount

SEND_ERRORS = (smtplib.SMTPException, OSError)  # the server refused, or could not be reached


class RelayFailed(Exception):
    """The email could not be handed to the mail server; nothing was counted."""


def relay_question(ambassador, first_name, email, message):
    """Email the question to the ambassador, who replies straight to the sender.

    The ambassador's address goes in the envelope only, never in what the sender sees; the
    sender's address goes in Reply-To, as they agreed. Raise RelayFailed if the mail server
    cannot take it.
    """
    context = {
        "ambassador": ambassador,
        "first_name": first_name,
        "email": email,
        "message": message,
        "portrait_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + ambassador.get_absolute_url(),
    }
    relay = EmailMessage(
        subject=render_to_string("contact/email/question_subject.txt", context).strip(),
        body=render_to_string("contact/email/question.txt", context),
        to=[ambassador.question_address],
        reply_to=[email],
    )
    try:
        relay.send()
    except SEND_ERRORS as error:
        raise RelayFailed from error
    count_question(ambassador)


def count_question(ambassador, day=None):
    """Add one to the ambassador's count for the month, safely under concurrent posts."""
    month = (day or timezone.localdate()).replace(day=1)
    with transaction.atomic():
        row, created = QuestionCount.objects.get_or_create(
            ambassador=ambassador, month=month, defaults={"count": 1}
        )
        if not created:
            QuestionCount.objects.filter(pk=row.pk).update(count=F("count") + 1)
