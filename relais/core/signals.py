"""Invalidate cached public pages whenever content that pages show is written."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import ContentGeneration

CONTENT_APPS = {"core", "journey", "stories", "wagtailcore", "wagtailimages", "wagtaildocs"}
IGNORED_MODELS = {
    "contentgeneration",
    "rendition",
    "referenceindex",
    "revision",
    "pagelogentry",
    "modellogentry",
    "pagesubscription",
}


def _shows_on_pages(sender):
    meta = sender._meta
    # Historical models used by data migrations live in another registry: skip them.
    return (
        meta.apps is apps
        and meta.app_label in CONTENT_APPS
        and meta.model_name not in IGNORED_MODELS
    )


@receiver(post_save)
@receiver(post_delete)
def content_written(sender, **kwargs):
    if _shows_on_pages(sender):
        ContentGeneration.bump()


@receiver(m2m_changed)
def content_relations_changed(sender, action, instance, **kwargs):
    if action.startswith("post_") and _shows_on_pages(type(instance)):
        ContentGeneration.bump()
