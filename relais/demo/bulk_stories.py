"""Add thousands of published stories at once, cloned from the site's own stories.

Saving and publishing a page one at a time (tree, revision, log, search index, references,
signals) costs about a tenth of a second; load tests need 10,000 stories. This writes the
same rows with bulk inserts: the page and story rows with their tree paths, one revision
and its publication log, stages, themes and ambassadors, the reference index and the
search index. Pages show a clone exactly like a saved story (see the tests). No signal is
sent, so cached pages are not invalidated: seed before starting the servers.

Each clone takes everything but its identity (title, slug, place in the tree, dates) from
a live story of the listing, so a column that `save()` fills from the content is right.
"""

import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import CharField, F, JSONField, OuterRef, Subquery, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify

from modelcluster.models import get_field_value
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from relais.core.statistics import refresh_statistics
from relais.journey.models import Stage, Theme
from relais.stories.models import StoryIndexPage, StoryPage

TITLE = "Histoire de banc d'essai n° {number}"
BATCH_SIZE = 500
# A clone's own values; every other column comes from the story it is cloned from.
EMPTY_IDENTITY = {
    "id": None,
    "page_ptr_id": None,
    "numchild": 0,
    "live": True,
    "has_unpublished_changes": False,
    "latest_revision_id": None,
    "live_revision_id": None,
    "go_live_at": None,
    "expire_at": None,
    "expired": False,
    "locked": False,
    "locked_at": None,
    "locked_by_id": None,
    "alias_of_id": None,
    "seo_title": "",
    "search_description": "",
}
# What a first publication records in the revision, as Wagtail's save_revision() does.
UNPUBLISHED_STATE = {
    "latest_revision": None,
    "live_revision": None,
    "first_published_at": None,
    "last_published_at": None,
    "latest_revision_created_at": None,
}


class NothingToClone(Exception):
    """The listing has no live story to clone."""


@transaction.atomic
def add_stories(count, now=None):
    """Add `count` live stories to the story listing; return them (with their ids)."""
    index = StoryIndexPage.objects.get()
    templates = _templates(index)
    now = now or timezone.now()
    stories = _new_stories(index, templates, count, now)
    _insert_pages(stories)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    _add_relations(stories)
    _add_revisions(stories)
    _add_references(stories)
    _add_to_search_index(stories)
    refresh_statistics(StoryPage)  # lists read the index again (relais.core.statistics)
    return stories


def _templates(index):
    """Return the listing's live stories written by people, with their relations loaded."""
    templates = list(
        StoryPage.objects.child_of(index)
        .live()
        .exclude(title__startswith=_title_prefix())
        .order_by("pk")
        .prefetch_related("ambassadors")
    )
    if not templates:
        raise NothingToClone("The story listing has no live story to clone.")
    return templates


def _title_prefix():
    return TITLE.split("{", 1)[0]


def _new_stories(index, templates, count, now):
    """Build the unsaved clones: titles numbered on, a free slug, the next tree paths."""
    stages, themes = list(Stage.objects.order_by("pk")), list(Theme.objects.order_by("pk"))
    slugs = set(Page.objects.child_of(index).values_list("slug", flat=True))
    clones = StoryPage.objects.child_of(index).filter(title__startswith=_title_prefix())
    first_number, first_step = clones.count() + 1, _next_step(index)
    stories = []
    for offset in range(count):
        template = templates[offset % len(templates)]
        title = TITLE.format(number=first_number + offset)
        slug = _free_slug(slugify(title), slugs)
        story = _clone(template, index, title, slug, first_step + offset)
        # One second apart, the last one published `now`: newest first, like the listing.
        story.first_published_at = story.last_published_at = now - timedelta(
            seconds=count - 1 - offset
        )
        story.latest_revision_created_at = story.first_published_at
        story.stages = [stages[offset % len(stages)]] if stages else []
        story.themes = _themes_for(offset, themes)
        story.ambassadors = list(template.ambassadors.all())
        story.cloned_from = template
        stories.append(story)
    return stories


def _clone(template, index, title, slug, step):
    values = {f.attname: getattr(template, f.attname) for f in StoryPage._meta.concrete_fields}
    values.update(EMPTY_IDENTITY)
    values.update(
        title=title,
        draft_title=title,
        slug=slug,
        path=index.path + _step_key(step),
        depth=index.depth + 1,
        url_path=f"{index.url_path}{slug}/",
        translation_key=uuid.uuid4(),
        body=template.body,  # shared: its blocks are read once for every clone
    )
    return StoryPage(**values)


def _themes_for(offset, themes):
    if not themes:
        return []
    return list(dict.fromkeys([themes[offset % len(themes)], themes[(offset + 3) % len(themes)]]))


def _free_slug(base, taken):
    slug, suffix = base, 1
    while slug in taken:
        suffix += 1
        slug = f"{base}-{suffix}"
    taken.add(slug)
    return slug


def _next_step(index):
    """Return the tree step that follows the listing's last child (treebeard paths)."""
    last = index.get_last_child()
    return Page.numconv_obj().str2int(last.path[-Page.steplen :]) + 1 if last else 1


def _step_key(step):
    key = Page.numconv_obj().int2str(step)
    if len(key) > Page.steplen:
        raise ValueError(f"The story listing cannot hold {step} children.")
    return key.rjust(Page.steplen, Page.alphabet[0])


def _insert_pages(stories):
    """Insert the page rows, then the story rows (bulk_create refuses multi-table models)."""
    page_fields = Page._meta.concrete_fields
    pages = [Page(**{f.attname: getattr(s, f.attname) for f in page_fields}) for s in stories]
    Page.objects.bulk_create(pages, batch_size=BATCH_SIZE)
    for story, page in zip(stories, pages, strict=True):
        story.id = story.page_ptr_id = page.id
    _insert_own_rows(StoryPage, stories)
    for story in stories:
        story._state.adding, story._state.db = False, router.db_for_write(StoryPage)


def _insert_own_rows(model, objs):
    """Insert the rows of the model's own table with one statement run for every object.

    bulk_create refuses multi-table models; executemany also keeps large JSON values out of
    the arrays that PostgreSQL's bulk inserts go through (slow to escape).
    """
    fields = model._meta.local_concrete_fields
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    values = ", ".join(["%s"] * len(fields))
    # Names come from the model, values go as parameters.
    statement = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({values})"  # noqa: S608  # nosec B608
    rows = [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)


def _add_relations(stories):
    """Write the through rows of the stages, themes and ambassadors of every story."""
    for name in ("stages", "themes", "ambassadors"):
        field = StoryPage._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: story.pk, target: item.pk})
            for story in stories
            for item in getattr(story, name).all()
        ]
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _add_revisions(stories):
    """Give each story the revision and log entries of a first publication."""
    story_type = ContentType.objects.get_for_model(StoryPage)
    page_type = ContentType.objects.get_for_model(Page)
    contents = {}
    revisions = [
        Revision(
            content_type=story_type,
            base_content_type=page_type,
            object_id=str(story.pk),
            created_at=story.first_published_at,
            object_str=story.title,
            # An expression keeps the JSON out of PostgreSQL's bulk insert arrays (slow).
            content=Value(_revision_content(story, contents), output_field=JSONField()),
        )
        for story in stories
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    for story, revision in zip(stories, revisions, strict=True):
        story.latest_revision = story.live_revision = revision
    _point_pages_at_revisions(stories, page_type)
    _log_creation_and_publication(stories, story_type)


def _log_creation_and_publication(stories, story_type):
    """Write the two entries of a page's history that add_child() and publish() write."""
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=story_type,
                label=story.title,
                action=action,
                data={},
                timestamp=story.first_published_at,
                revision=revision,
                content_changed=True,
                page_id=story.pk,
            )
            for story in stories
            for action, revision in (
                ("wagtail.create", None),
                ("wagtail.publish", story.live_revision),
            )
        ],
        batch_size=BATCH_SIZE,
    )


def _point_pages_at_revisions(stories, page_type):
    """Set latest and live revision of every page in a few UPDATEs (bulk_update is slow)."""
    revision = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).values("pk")[:1]
    ids = [story.pk for story in stories]
    for start in range(0, len(ids), BATCH_SIZE):
        pages = Page.objects.filter(pk__in=ids[start : start + BATCH_SIZE])
        # One UPDATE, one new version of each row (the old one stays until VACUUM).
        pages.update(latest_revision=Subquery(revision), live_revision=Subquery(revision))


def _revision_content(story, contents):
    """Return what save_revision() would store; the body is serialized once per template."""
    key = story.cloned_from.pk
    if key not in contents:
        contents[key] = story.serializable_data()
    content = dict(contents[key])
    content.update(
        (field.name, get_field_value(field, story))
        for field in Page._meta.concrete_fields
        if field.serialize
    )
    for name in ("stages", "themes", "ambassadors"):
        content[name] = [item.pk for item in getattr(story, name).all()]
    content.update(UNPUBLISHED_STATE, pk=story.pk)
    return content


def _add_references(stories):
    """Copy each template's outbound references: a clone refers to what its template does."""
    page_type = ContentType.objects.get_for_model(Page)
    templates = {str(story.cloned_from.pk) for story in stories}
    references = {}
    for row in ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=templates
    ).values():
        del row["id"]
        references.setdefault(row.pop("object_id"), []).append(row)
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(object_id=str(story.pk), **row)
            for story in stories
            for row in references.get(str(story.cloned_from.pk), [])
        ],
        batch_size=BATCH_SIZE,
    )


def _add_to_search_index(stories):
    """Index the stories as saving them would; each shared body is read once, not per clone."""
    body = StoryPage._meta.get_field("body")
    texts = {}

    def searchable_content(value):
        if id(value) not in texts:
            texts[id(value)] = type(body).get_searchable_content(body, value)
        return texts[id(value)]

    body.get_searchable_content = searchable_content  # on this field object, until the end
    try:
        for backend in get_search_backends(with_auto_update=True):
            for start in range(0, len(stories), BATCH_SIZE):
                backend.add_bulk(StoryPage, stories[start : start + BATCH_SIZE])
    finally:
        del body.get_searchable_content
