"""Create many new pages at once, with the rows Wagtail's add_child() and publish() write.

A pack of a thousand stories cannot afford a tenth of a second per page (tree, revision,
log, search index, references, cache signals, three saves each): new pages get their page
and own rows, relations, one revision, the creation and publication log entries, the
reference index and the search index in bulk, like `seed_stories` does for load tests
(relais/demo/bulk_stories.py). Changed pages go through Wagtail's own publication.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.db.models import F, JSONField, Value
from django.utils import timezone

from modelcluster.models import get_field_value
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from relais.core.statistics import refresh_statistics

from .writes import refused

BATCH_SIZE = 500
# What a first publication records in the revision, as Wagtail's save_revision() does.
UNPUBLISHED_STATE = {
    "latest_revision": None,
    "live_revision": None,
    "first_published_at": None,
    "last_published_at": None,
    "latest_revision_created_at": None,
}


def create_pages(parent, model, items):
    """Create and publish new children of parent; items are (slug, fields, relations)."""
    if not items:
        return []
    now = timezone.now()
    first = _next_step(parent)
    pages = [
        _new_page(parent, model, first + offset, slug, fields, relations, now)
        for offset, (slug, fields, relations) in enumerate(items)
    ]
    _insert(model, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    _add_relations(model, pages, [relations for _, _, relations in items])
    _add_revisions(model, pages, now)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(pages), BATCH_SIZE):
            backend.add_bulk(model, pages[start : start + BATCH_SIZE])
    refresh_statistics(model)  # lists read the index again (relais.core.statistics)
    return pages


def _new_page(parent, model, step, slug, fields, relations, now):
    page = model(slug=slug, **fields)
    page.draft_title = page.title
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = now
    page.path, page.depth = parent.path + _step_key(step), parent.depth + 1
    page.url_path = f"{parent.url_path}{slug}/"
    page.locale_id, page.translation_key = parent.locale_id, uuid.uuid4()
    page.content_type = ContentType.objects.get_for_model(model)
    for name, targets in relations.items():
        setattr(page, name, list(targets))
    # Field checks only (lengths, slug format): Wagtail's full_clean() also asks the database
    # whether the slug is free, which the pack's own checks already know for new pages.
    try:
        page.clean_fields(exclude=["path", "depth", "translation_key", "content_type", "locale"])
    except ValidationError as exc:
        raise refused(slug, exc) from exc
    return page


def _next_step(parent):
    """Return the tree step that follows the parent's last child (treebeard paths)."""
    last = parent.get_last_child()
    return Page.numconv_obj().str2int(last.path[-Page.steplen :]) + 1 if last else 1


def _step_key(step):
    key = Page.numconv_obj().int2str(step)
    if len(key) > Page.steplen:
        raise ValueError(f"A page cannot hold {step} children.")
    return key.rjust(Page.steplen, Page.alphabet[0])


def _insert(model, pages):
    """Insert the page rows, then the model's own rows (bulk_create refuses multi-table)."""
    page_fields = Page._meta.concrete_fields
    rows = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in pages]
    Page.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.id
    fields = model._meta.local_concrete_fields
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    values = ", ".join(["%s"] * len(fields))
    # Names come from the model, values go as parameters.
    statement = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({values})"  # noqa: S608  # nosec B608
    params = [[f.get_db_prep_save(f.pre_save(p, True), connection) for f in fields] for p in pages]
    with connection.cursor() as cursor:
        cursor.executemany(statement, params)
    for page in pages:
        page._state.adding, page._state.db = False, router.db_for_write(model)


def _add_relations(model, pages, relations):
    for name in {name for item in relations for name in item}:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: page.pk, target: item.pk})
            for page, item_relations in zip(pages, relations, strict=True)
            for item in item_relations.get(name, [])
        ]
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _add_revisions(model, pages, now):
    """Give each page the revision and log entries of a first publication."""
    own_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=own_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            object_str=page.title,
            # An expression keeps the JSON out of PostgreSQL's bulk insert arrays (slow).
            content=Value(_revision_content(page), output_field=JSONField()),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        Page.objects.filter(pk=page.pk).update(latest_revision=revision, live_revision=revision)
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=own_type,
                label=page.title,
                action=action,
                data={},
                timestamp=now,
                revision=revision,
                content_changed=True,
                page_id=page.pk,
            )
            for page in pages
            for action, revision in (
                ("wagtail.create", None),
                ("wagtail.publish", page.live_revision),
            )
        ],
        batch_size=BATCH_SIZE,
    )


def _revision_content(page):
    """Return what save_revision() stores for a page published for the first time."""
    content = page.serializable_data()
    content.update(
        (field.name, get_field_value(field, page))
        for field in Page._meta.concrete_fields
        if field.serialize
    )
    content.update(UNPUBLISHED_STATE, pk=page.pk)
    return content
