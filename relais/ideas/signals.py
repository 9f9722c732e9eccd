"""Make the FAQ page stale when an entry changes, and nothing else.

The idea box is not one of the content apps that relais.core.signals watches (a new idea
would otherwise stamp the whole site): an idea shows on no public page, and a FAQ entry
shows on the FAQ page only.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from relais.core.invalidation import in_bulk_write, invalidate

from .models import FaqEntry

FAQ = "ideas:faq"  # the tag the FAQ page declares


@receiver(post_save, sender=FaqEntry)
@receiver(post_delete, sender=FaqEntry)
def faq_changed(sender, instance, raw=False, **kwargs):
    if not raw and not in_bulk_write():
        invalidate([FAQ])
