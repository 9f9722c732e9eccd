"""Story cards in a fixed number of queries, and pages of them that cost the same at any depth.

Lists are read newest first from the page table's index on the first publication date, so
that a page of cards reads a few rows, not every story. A filter (a stage, a project…)
makes the databases read the matching stories first and sort them all instead, which
costs as much as there are matches: when the matches are common, `in_index_order` asks for
the index order instead. The numbers of stories it compares are counted once per content
change (`story_count`), and so are the ids of named lists, in slices (`page_ids`): a
page of a list then costs no list query, whatever the number of stories of the site.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Exists, OuterRef, Prefetch, Value
from django.db.models.expressions import RawSQL
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from wagtail.images import get_image_model
from wagtail.models import Page

from relais.core.content_cache import cached_for_content, kept_for_content
from relais.core.page_cache import tag_for
from relais.core.site_tree import exclude_private
from relais.journey.lookups import all_stages, all_themes, in_order
from relais.journey.models import LaureateProject

CARD_RENDITION = "fill-480x300"
STAGE, THEME = 0, 1
# Newest first, ties broken by the page's id. Django would name the story's own key
# (page_ptr_id) for "pk", a column of another table: the databases could then not read the
# order from the page table's index on (first_published_at, id) and would sort every story.
PAGE_ID = RawSQL('"wagtailcore_page"."id"', ())
NEWEST_FIRST = ("-first_published_at", PAGE_ID.desc())
IDS_PER_SLICE = 240  # ids of a named list kept together: 20 pages of 12, 10 of 24


def story_cards(queryset):
    """Return live public stories with what a story card shows, newest first.

    The body is left out (cards never show it); stages and themes come with `with_tags`.
    """
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_RENDITION)
    return (
        exclude_private(queryset.live())
        .select_related("project", "project__commune", "listing_image")
        .prefetch_related(Prefetch("listing_image__renditions", queryset=renditions))
        .defer("body")
        .order_by(*NEWEST_FIRST)
    )


def story_count(name, stories):
    """Return the number of `stories`, counted once per content change under `name`."""
    return cached_for_content(f"story-count:{name}", stories.count)


def all_stories_count(model):
    """Return the number of live public stories of the site (counted once per change)."""
    return story_count("all", story_cards(model.objects.all()))


def in_index_order(stories, count, rows, filters=1):
    """Return `stories` (a `story_cards` queryset) in the form that reads fewer rows.

    Reading the index in order and checking each story reads about rows × all / count
    entries to find `rows` of them; reading the matches first and sorting them reads the
    matches of one filter: `count` when there is one, more when `filters` combine (about
    all × (count / all) ** (1 / filters) if each keeps a like share). The first wins when
    the matching stories are common (a stage among eight). PostgreSQL chooses between the
    two itself from what it knows of the tables (kept up to date after bulk writes:
    relais.core.statistics), and its plans of the form as written are the faster ones.
    """
    total = all_stories_count(stories.model)  # counted on every database: the same queries
    if connections[stories.db].vendor == "postgresql" or count >= total:
        return stories
    read_first = total * (count / total) ** (1 / max(1, filters))
    if rows * total >= count * read_first:
        return stories
    matching = stories.model.objects.filter(Exists(stories.filter(pk=OuterRef("pk"))))
    return story_cards(matching)


def page_ids(name, stories, count, bottom, top, filters=1):
    """Return the ids of `stories[bottom:top]` (counted `count`), in list order.

    Named lists keep their order in the page store, in slices of IDS_PER_SLICE read once per
    content change: a page then reads one or two slices from the cache and no list query,
    at any depth and whatever the number of stories of the site.
    """
    if top <= bottom:
        return []
    if name is None:
        return _read_ids(stories, count, bottom, top, filters)
    numbers = range(bottom // IDS_PER_SLICE, (top - 1) // IDS_PER_SLICE + 1)

    def read(missing):
        return {
            n: _read_ids(
                stories, count, n * IDS_PER_SLICE, min((n + 1) * IDS_PER_SLICE, count), filters
            )
            for n in missing
        }

    slices = kept_for_content(f"story-ids:{name}", numbers, read)
    ids = [pk for n in numbers for pk in slices[n]]
    start = numbers[0] * IDS_PER_SLICE
    return ids[bottom - start : top - start]


def _read_ids(stories, count, bottom, top, filters):
    """Read the ids of `stories[bottom:top]` from the nearer end of the list.

    OFFSET makes the database walk every row before those it returns: the back half of a
    list is read from the other end, so that its last rows cost what the first ones do.
    """
    if bottom > count - top:
        ordered = in_index_order(stories, count, count - bottom, filters).reverse()
        return _ids(ordered[count - top : count - bottom])[::-1]
    return _ids(in_index_order(stories, count, top, filters)[bottom:top])


def _ids(stories):
    return list(stories.prefetch_related(None).select_related(None).values_list("pk", flat=True))


def first_cards(stories, count, limit, name=None):
    """Return the cards of the `limit` newest of `stories` (counted `count` under `name`)."""
    return cards_of(stories.model, page_ids(name, stories, count, 0, min(limit, count)))


@dataclass(frozen=True)
class StoryCard:
    """A story as every list shows it, its HTML rendered once per content change."""

    pk: int
    title: str
    html: SafeString  # from our template, which escapes what it shows
    tags: tuple  # what the card shows, for the page cache (relais.core.page_cache)

    @classmethod
    def of(cls, story):
        html = render_to_string("includes/story_card.html", {"story": story})
        tags = (tag_for(Page, story.pk),)
        if story.project_id:
            tags += (tag_for(LaureateProject, story.project_id),)
        return cls(story.pk, story.title, html, tags)


def cards_of(model, ids):
    """Return the cards of the stories whose ids are `ids`, in that order."""

    def render(missing):
        stories = with_tags(story_cards(model.objects.filter(pk__in=missing)))
        return {story.pk: StoryCard.of(story) for story in stories}

    found = kept_for_content("story-card", ids, render)
    return [found[pk] for pk in ids if pk in found]


def with_tags(stories):
    """Return `stories` as a list, each knowing its `linked_stages` and `linked_themes`.

    One query reads both link tables; the stages and themes themselves come from the
    content cache, in the order the database gives them (as `stages.all()` would).
    """
    stories = list(stories)
    if not stories:
        return stories
    model, ids = type(stories[0]), [story.pk for story in stories]
    stage_links = model.stages.through.objects.filter(storypage_id__in=ids)
    theme_links = model.themes.through.objects.filter(storypage_id__in=ids)
    rows = stage_links.annotate(kind=Value(STAGE)).values_list("storypage_id", "stage_id", "kind")
    rows = rows.union(
        theme_links.annotate(kind=Value(THEME)).values_list("storypage_id", "theme_id", "kind"),
        all=True,
    )
    linked = {(story.pk, kind): set() for story in stories for kind in (STAGE, THEME)}
    for story_id, target_id, kind in rows:
        linked[story_id, kind].add(target_id)
    stages, themes = all_stages(), all_themes()
    for story in stories:
        story._linked_tags = (
            in_order(stages, linked[story.pk, STAGE]),
            in_order(themes, linked[story.pk, THEME]),
        )
    return stories


class StoryPaginator(Paginator):
    """Pages of story cards whose number is known beforehand (counted once per content change),
    each page's ids read by `page_ids` (from the cache for a named list)."""

    def __init__(self, stories, per_page, count, filters=1, name=None):
        super().__init__(stories, per_page)
        self.__dict__["count"] = count  # replaces the cached property: no COUNT query
        self.filters = filters  # how many filters select the stories (see in_index_order)
        self.name = name  # the list's name in the content cache (see page_ids)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ids = page_ids(self.name, self.object_list, self.count, bottom, top, self.filters)
        rows = cards_of(self.object_list.model, ids)
        return self._get_page(rows, number, self)
