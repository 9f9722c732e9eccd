"""Stages and themes of every programme, loaded once per content change.

There are a few dozen of them and nearly every page names some: story cards, the story
header, timelines. Reading them from the content cache saves a query on each of those.
"""

from relais.core.content_cache import cached_for_content

from .models import Stage, Theme


def all_stages():
    """Return every stage with its programme, in the programmes' order, by primary key."""
    return cached_for_content(
        "stages",
        lambda: {
            stage.pk: stage
            for stage in Stage.objects.select_related("programme").order_by("sort_order", "pk")
        },
    )


def all_themes():
    """Return every theme in the database's order of names, by primary key."""
    return cached_for_content("themes", lambda: {theme.pk: theme for theme in Theme.objects.all()})


def stage_by_slug(slug):
    """Return the stage with this slug, or None."""
    return next((stage for stage in all_stages().values() if stage.slug == slug), None)


def in_order(lookup, pks):
    """Return the objects of `lookup` (one of the above) whose keys are in `pks`, in its order."""
    wanted = set(pks)
    return [item for key, item in lookup.items() if key in wanted]
