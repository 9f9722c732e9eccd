"""Make stale the cached public pages that show content being written, and only those."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .invalidation import everything, in_bulk_write, invalidate, once_shown, register, rule_for
from .page_cache import SITE

CONTENT_APPS = {
    "core",
    "journey",
    "glossary",
    "stories",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
}
# Written by the admin, the cache or the editorial workflow: shown on no public page.
IGNORED_MODELS = {
    "core.contentgeneration",
    "core.cachetag",
    "wagtailcore.apitoken",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.task",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflow",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowstate",
    "wagtailcore.workflowtask",
    "wagtailimages.rendition",
}
FILE_FIELDS = {"file_size", "file_hash"}  # computed by Wagtail after the upload

register(get_image_model(), once_shown, quiet_fields=FILE_FIELDS)
register(get_document_model(), once_shown, quiet_fields=FILE_FIELDS)


def _shows_on_pages(model):
    meta = model._meta
    # Historical models used by data migrations live in another registry: skip them. The
    # rows of many-to-many tables are judged through their owner (content_relations_changed).
    return (
        meta.apps is apps
        and meta.app_label in CONTENT_APPS
        and meta.label_lower not in IGNORED_MODELS
        and not meta.auto_created
    )


def _model(sender, instance):
    """Judge a page written through its generic class by its specific class's rule."""
    if isinstance(instance, Page) and instance.specific_class is not None:
        return instance.specific_class
    return sender


def _specific(sender, instance):
    """Return the model whose rule applies and the object as that model sees it."""
    model = _model(sender, instance)
    specific = None if model is sender else model._default_manager.filter(pk=instance.pk).first()
    return (model, specific) if specific is not None else (sender, instance)


def _quiet(rule, update_fields):
    return bool(update_fields) and set(update_fields) <= rule.quiet_fields


@receiver(pre_save)
def remember_what_was_shown(sender, instance, update_fields=None, **kwargs):
    """Keep the stored object: the pages that showed it must go stale too."""
    if not _shows_on_pages(sender) or instance._state.adding or in_bulk_write():
        return
    model = _model(sender, instance)
    rule = rule_for(model)
    if rule.tags is not everything and not _quiet(rule, update_fields):
        instance._shown_before = model._default_manager.filter(pk=instance.pk).first()


@receiver(post_save)
def content_saved(sender, instance, created, update_fields=None, **kwargs):
    if not _shows_on_pages(sender) or in_bulk_write():
        return
    model, after = _specific(sender, instance)
    rule = rule_for(model)
    if _quiet(rule, update_fields):
        return
    before = None if created else getattr(instance, "_shown_before", None)
    invalidate(rule.tags(before, after))


@receiver(pre_delete)
def content_deleted(sender, instance, **kwargs):
    if _shows_on_pages(sender) and not in_bulk_write():
        model, before = _specific(sender, instance)
        invalidate(rule_for(model).tags(before, None))


@receiver(m2m_changed)
def content_relations_changed(sender, instance, action, model, pk_set, **kwargs):
    """A relation added or removed: the object's pages and the related objects' ones."""
    if not _shows_on_pages(type(instance)) or in_bulk_write():
        return
    if action == "pre_clear":  # rare (forms add and remove): which ones go is unknown here
        invalidate([SITE])
    elif action in ("post_add", "post_remove"):
        owner, current = _specific(type(instance), instance)
        rule = rule_for(owner)
        invalidate([*rule.tags(current, current), *rule.relations(current, model, pk_set)])
