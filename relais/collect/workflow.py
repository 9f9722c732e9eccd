"""Editorial workflow: allowed transitions, logged with who and when, notified by email."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

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

# What editors may do on the review screen, and the status each action leads to.
EDITOR_ACTIONS = {"review": S.IN_REVIEW, "story": S.IN_REVIEW, "return": S.RETURNED}


def may_move(from_status, to_status):
    return to_status in TRANSITIONS.get(from_status, set())


def editor_actions(testimony):
    """Return the editors' actions the transitions allow on a testimony now, in screen order.

    Drafting a story moves a submitted testimony to review, or keeps it there; a
    testimony has one story at most.
    """
    status = testimony.status
    return [
        action
        for action, to_status in EDITOR_ACTIONS.items()
        if (may_move(status, to_status) or (action == "story" and status == to_status))
        and not (action == "story" and testimony.story_id)
    ]


@transaction.atomic
def change_status(testimony, to_status, actor, comment=""):
    """Move a testimony to another status, log it and notify the people concerned."""
    from_status = testimony.status
    if not may_move(from_status, to_status):
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
    transaction.on_commit(lambda: notify(testimony, from_status, to_status, comment))


def editors_emails():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return sorted(u.email for u in users if u.has_perm("collect.change_testimony"))


def absolute_url(path):
    """Return an absolute link for emails: they are read outside the site."""
    if not path.startswith("/"):  # already absolute (a page of a multi-site setup)
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify(testimony, from_status, to_status, comment=""):
    """Email editors about submissions, the ambassador about everything else.

    The email says which testimony moved from which status to which, with the editor's
    comment and a link to where the reader acts on it.
    """
    for_editors = to_status == S.SUBMITTED
    recipients = editors_emails() if for_editors else [testimony.owner.email]
    if for_editors:
        link = absolute_url(reverse("collect_admin:review", args=[testimony.pk]))
    else:
        link = absolute_url(reverse("collect:testimony", args=[testimony.pk]))
    story = testimony.story if to_status == S.PUBLISHED else None
    with translation.override(settings.LANGUAGE_CODE):  # the site's language, not the actor's
        context = {
            "testimony": testimony,
            "from_status": S(from_status).label if from_status else "",
            "status": S(to_status).label,
            "comment": comment,
            "for_editors": for_editors,
            "link": link,
            "story_link": absolute_url(story.url) if story and story.live and story.url else "",
        }
        subject = render_to_string("collect/email/status_subject.txt", context).strip()
        body = render_to_string("collect/email/status.txt", context)
    send_mail(subject, body, None, [r for r in recipients if r])
