"""Editorial workflow: allowed transitions, logged with who and when, notified by email."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from .choices import TestimonyStatus as S
from .models import StatusChange

# status -> statuses it may move to
TRANSITIONS = {
    S.DRAFT: {S.SUBMITTED},
    S.SUBMITTED: {S.IN_REVIEW, S.RETURNED},
    S.IN_REVIEW: {S.RETURNED, S.PUBLISHED},
    S.RETURNED: {S.SUBMITTED},
    S.PUBLISHED: {S.IN_REVIEW},
}


@transaction.atomic
def change_status(testimony, to_status, actor, comment=""):
    """Move a testimony to another status, log it and notify the people concerned."""
    from_status = testimony.status
    if to_status not in TRANSITIONS.get(from_status, set()):
        raise PermissionDenied(f"{from_status} → {to_status} is not allowed")
    testimony.status = to_status
    if to_status == S.RETURNED:
        testimony.editor_comment = comment
    testimony.save(update_fields=["status", "editor_comment", "updated_at"])
    StatusChange.objects.create(
        testimony=testimony,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        comment=comment,
    )
    transaction.on_commit(lambda: notify(testimony, to_status, comment))


def editors_emails():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return sorted(u.email for u in users if u.has_perm("collect.change_testimony"))


def notify(testimony, to_status, comment=""):
    """Email editors about submissions, the ambassador about everything else."""
    recipients = editors_emails() if to_status == S.SUBMITTED else [testimony.owner.email]
    context = {"testimony": testimony, "status": S(to_status).label, "comment": comment}
    send_mail(
        render_to_string("collect/email/status_subject.txt", context).strip(),
        render_to_string("collect/email/status.txt", context),
        None,
        [r for r in recipients if r],
    )
