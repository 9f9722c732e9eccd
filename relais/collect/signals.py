"""Keep a testimony's status in step with the story page made from it."""

from django.dispatch import receiver

from wagtail.signals import page_published

from .choices import TestimonyStatus
from .models import Testimony
from .workflow import change_status


@receiver(page_published)
def story_published(sender, instance, revision=None, **kwargs):
    for testimony in Testimony.objects.filter(
        story_id=instance.pk, status=TestimonyStatus.IN_REVIEW
    ):
        change_status(testimony, TestimonyStatus.PUBLISHED, getattr(revision, "user", None))
