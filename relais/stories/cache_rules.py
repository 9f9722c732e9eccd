"""Which cached public pages a write to a story or to programme data makes stale.

Pages say what they show while rendering (a story card declares its story and project, a
stage page its stage…); these rules say which of those tags a write touches. Publishing or
unpublishing a story, or changing where it is listed, touches the lists of every story, the
filtered lists it is (or was) in, and the pages of its stages, project and ambassadors;
editing it otherwise touches only the pages that show it. Stages, themes, territories and
the programme show on every page: they have no rule here, so a change to them touches
everything (relais.core.invalidation).
"""

from django.db.models import Q

from relais.core.invalidation import PAGE_DRAFT_FIELDS, register
from relais.core.page_cache import object_tag, tag_for
from relais.journey.models import (
    Ambassador,
    LaureateProject,
    ProjectEdition,
    Stage,
    Territory,
    Theme,
)

from .audio import AudioCapsule, AudioChapter

STORIES = "stories:list"  # the lists of every story: home, the listing's unfiltered pages
STORY_FILTERS = "stories:filters"  # the choices the listing's filters offer
AMBASSADORS = "journey.ambassador:list"  # the list of public portraits


def stories_of(model, pk):
    """Return the tag of the stories of a stage, project, ambassador, theme or territory."""
    return f"{tag_for(model, pk)}:stories"


def stories_in_year(year):
    return f"stories:year:{year}"


def _ids(relation):
    return frozenset(obj.pk for obj in relation.all())


def _capsule_ids(story):
    return frozenset(
        block["value"].get("capsule") for block in story.body.raw_data if block["type"] == "audio"
    )


def _placement(story):
    """Return what decides which lists show a story, in which order (None: in none)."""
    if story is None or not story.live:
        return None
    return (
        story.first_published_at,
        story.project_id,
        _ids(story.stages),
        _ids(story.themes),
        _ids(story.ambassadors),
        _capsule_ids(story),  # the home page plays a featured capsule from a story
    )


def _collections(story):
    """Return the tags of the pages listing a story: its project's and ambassadors'.

    A stage page lists the stories the listing's stage filter selects: `_filters` has it.
    """
    tags = {stories_of(Ambassador, pk) for pk in _ids(story.ambassadors)}
    if story.project_id:
        tags.add(stories_of(LaureateProject, story.project_id))
    return tags


def _filters(story):
    """Return the tag and the lookup of each filtered list of the listing a story is in."""
    lookups = {stories_of(Stage, pk): Q(stages=pk) for pk in _ids(story.stages)}
    lookups |= {stories_of(Theme, pk): Q(themes=pk) for pk in _ids(story.themes)}
    project = LaureateProject.objects.select_related("commune").filter(pk=story.project_id).first()
    if project is not None:
        for pk in filter(None, (project.commune_id, project.commune.parent_id)):
            in_territory = Q(project__commune=pk) | Q(project__commune__parent=pk)
            lookups[stories_of(Territory, pk)] = in_territory
        for year in project.editions.values_list("year", flat=True):
            lookups[stories_in_year(year)] = Q(project__editions__year=year)
    return lookups


def _alone_in_a_filter(story, lookups):
    """Return whether no other live story shares one of these values: a menu changes."""
    others = type(story).objects.live().public().exclude(pk=story.pk)
    return any(not others.filter(lookup).exists() for lookup in lookups)


def story_tags(before, after):
    tags = {object_tag(after or before)}
    placements = (_placement(before), _placement(after))
    if placements[0] == placements[1]:
        return tags
    tags.add(STORIES)
    lookups = {}
    for story, placement in zip((before, after), placements, strict=True):
        if placement is not None:
            tags |= _collections(story)
            lookups |= _filters(story)
    tags |= lookups.keys()
    if _alone_in_a_filter(after or before, lookups.values()):
        tags.add(STORY_FILTERS)
    return tags


def story_relations(story, model, pks):
    """Nothing more: a story's relations are saved with the page, whose save compared them.

    (The default would stamp the related stages' and ambassadors' own tags, making stale the
    pages that merely name them.)
    """
    return []


def ambassador_tags(before, after):
    """An ambassador shows on their page and their stories; public ones on lists and projects.

    The pages that show an ambassador declare it; a project page that does not show them yet
    must learn that they became public.
    """
    tags = {object_tag(after or before)}
    public = [a for a in (before, after) if a is not None and a.public_profile]
    if public:
        tags.add(AMBASSADORS)
    if before is None or after is None or before.public_profile != after.public_profile:
        for ambassador in public:
            tags |= {tag_for(LaureateProject, pk) for pk in _ids(ambassador.projects)}
    return tags


def project_tags(before, after):
    """A project's commune is in the territory filter of every list of stories."""
    tags = {object_tag(after or before)}
    if before is None or after is None or before.commune_id != after.commune_id:
        tags |= {STORIES, STORY_FILTERS}
    return tags


def edition_tags(before, after):
    """An edition's year is in the year filter of every list of stories."""
    return {tag_for(LaureateProject, (after or before).project_id), STORIES, STORY_FILTERS}


def capsule_tags(before, after):
    return {object_tag(after or before)}


def chapter_tags(before, after):
    return {tag_for(AudioCapsule, (after or before).capsule_id)}


def register_rules():
    from .models import StoryPage  # the page models use the tags above

    register(StoryPage, story_tags, PAGE_DRAFT_FIELDS, story_relations)
    register(Ambassador, ambassador_tags)
    register(LaureateProject, project_tags)
    register(ProjectEdition, edition_tags)
    register(AudioCapsule, capsule_tags)
    register(AudioChapter, chapter_tags)
