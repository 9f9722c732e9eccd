"""Keep the index in step with the content: publish, unpublish, save, delete, erase.

Each write re-indexes the items it changes, in the writer's transaction (a rolled back
write leaves the index as it was). During a bulk write (a content pack import) nothing is
done item by item: the import's `pack_imported` signal rebuilds the whole index once.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from relais.core.invalidation import in_bulk_write
from relais.packs.signals import pack_imported
from relais.stories.models import StoryPage

from . import indexing
from .sources.registry import SOURCES


def _sources_of(model):
    return [source for source in SOURCES.values() if issubclass(model, source.models)]


def _index_on_commit(source, pk):
    """Index the item once the write is committed: its relations are saved by then."""
    transaction.on_commit(lambda: indexing.index_item(source, pk))


def _reindex(sender, instance, **kwargs):
    if in_bulk_write() or kwargs.get("raw"):
        return
    for source in _sources_of(sender):
        for item in source.items_for(instance):
            _index_on_commit(source, item.pk)


def _deleted(sender, instance, **kwargs):
    if in_bulk_write():
        return
    for source in _sources_of(sender):
        if isinstance(instance, source.models[0]):
            indexing.remove([source.key(instance.pk)])
        else:  # a capsule or chapter: the stories that played it change
            for item in source.items_for(instance):
                _index_on_commit(source, item.pk)


def _relations_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _reindex(type(instance), instance)


def _connect():
    for source in SOURCES.values():
        for model in source.models:
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-del-{model}")
            if issubclass(model, Page):
                continue  # indexed when published: a saved draft changes nothing public
            post_save.connect(_reindex, sender=model, dispatch_uid=f"search-{model}")
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    _relations_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"search-m2m-{model}-{field.name}",
                )


_connect()


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, instance, **kwargs):
    _reindex(type(instance.specific), instance.specific)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _privacy_changed(sender, instance, **kwargs):
    """A section made private (or public again) changes which of its stories may be found."""
    if in_bulk_write() or kwargs.get("raw"):
        return
    section = Page.objects.filter(pk=instance.page_id).first()
    source = SOURCES["story"]
    if section is None:
        return
    for pk in StoryPage.objects.descendant_of(section, inclusive=True).values_list("pk", flat=True):
        _index_on_commit(source, pk)


@receiver(pack_imported)
def _pack_imported(sender, **kwargs):
    transaction.on_commit(indexing.rebuild)
