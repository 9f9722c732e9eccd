"""Which cached pages a change to the questions makes stale: the diagnostic's own.

The diagnostic is not one of the site's content apps (relais.core.signals): its questions
stamp their own tag, and a kept path (a visitor's, not content) stamps nothing.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from relais.core.invalidation import in_bulk_write, invalidate

from .models import DiagnosticAnswer, DiagnosticQuestion

DIAGNOSTIC = "diagnostic:questions"


@receiver(post_save, sender=DiagnosticQuestion)
@receiver(post_save, sender=DiagnosticAnswer)
@receiver(post_delete, sender=DiagnosticQuestion)
@receiver(post_delete, sender=DiagnosticAnswer)
def questions_changed(sender, raw=False, **kwargs):
    """A question or an answer changed: the question page and every result are stale."""
    if not raw and not in_bulk_write():
        invalidate([DIAGNOSTIC])
