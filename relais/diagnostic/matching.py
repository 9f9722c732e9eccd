"""What fits a profile: stories, cards, ambassadors, the next stages and the nearest comptoir.

Each list is ranked by the database, most fitting first (theme, stage and territory each
add to a score), then the newest or most cited: when few items fit, the others fill the
list. The ranking depends only on the theme, territory and stage, so it is kept once per
content change for each such trio; the items' HTML comes from the stores the lists of the
site share (story cards, card tiles).
"""

from dataclasses import dataclass

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce

from relais.core.content_cache import cached_for_content
from relais.journey.lookups import all_stages
from relais.journey.models import Ambassador, LaureateProject
from relais.knowledge.cards import MOST_CITED_FIRST, tiles
from relais.knowledge.models import KnowledgeCard
from relais.stories.cards import NEWEST_FIRST, cards_of, story_cards
from relais.stories.models import StoryPage

STORIES, CARDS, AMBASSADORS, NEXT_STAGES = 6, 9, 3, 3  # rows of three on a wide screen
THEME_WEIGHT, STAGE_WEIGHT, TERRITORY_WEIGHT = 4, 2, 1


@dataclass(frozen=True)
class AmbassadorLink:
    """An ambassador to ask, as the result shows them (kept in the content cache)."""

    name: str
    slug: str
    structure: str
    url: str
    same_theme: bool  # carried a project of the person's theme
    near: bool  # carried a project in the person's territory


def _ids(profile):
    theme = profile.theme[0] if profile.theme else None
    territory = profile.territory[0] if profile.territory else None
    stage = profile.stage[0] if profile.stage else None
    return theme, territory, stage


def _key(kind, profile):
    return f"diagnostic:v2:{kind}:" + ":".join(str(pk or "") for pk in _ids(profile))


def _weighted(condition, weight):
    """Return `weight` where `condition` (an Exists or a Q) holds, else 0, as an expression."""
    return Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())


def _in_territory(prefix, territory):
    """Match a territory itself or a commune of it (an intercommunality's communes)."""
    return Q(**{prefix: territory}) | Q(**{f"{prefix}__parent": territory})


def _matches(theme, territory, *, themes, place):
    """Return 1 where a row shares the person's theme or territory, else 0 (a stage alone is
    not enough to say "because you chose": the result shows such rows as fill-ins)."""
    conditions = []
    if theme:
        conditions.append(Exists(themes.filter(theme_id=theme)))
    if territory:
        conditions.append(place)
    if not conditions:
        return Value(0, output_field=IntegerField())
    either = conditions[0]
    for condition in conditions[1:]:
        either = either | condition
    return _weighted(either, 1)


def _score(theme, territory, stage, *, themes, stages, place):
    """Return the score expression of rows whose links are the given subqueries."""
    score = Value(0, output_field=IntegerField())
    if theme:
        score = score + _weighted(Exists(themes.filter(theme_id=theme)), THEME_WEIGHT)
    if stage:
        score = score + _weighted(Exists(stages.filter(stage_id=stage)), STAGE_WEIGHT)
    if territory:
        score = score + _weighted(place, TERRITORY_WEIGHT)
    return score


def card_ids(profile):
    """Return (id, shares the theme or territory) of the cards that fit best, most cited
    first among equals."""

    def rank():
        theme, territory, stage = _ids(profile)
        links = KnowledgeCard.themes.through.objects.filter(knowledgecard_id=OuterRef("pk"))
        stages = KnowledgeCard.stages.through.objects.filter(knowledgecard_id=OuterRef("pk"))
        place = _in_territory("territory", territory) if territory else Q()
        score = _score(theme, territory, stage, themes=links, stages=stages, place=place)
        matched = _matches(theme, territory, themes=links, place=place)
        cards = KnowledgeCard.objects.public().annotate(fit=score, matched=matched)
        ordered = cards.order_by("-fit", *MOST_CITED_FIRST)
        return [(pk, bool(m)) for pk, m in ordered.values_list("pk", "matched")[:CARDS]]

    return cached_for_content(_key("cards", profile), rank)


def story_ids(profile):
    """Return (id, shares the theme or territory) of the stories that fit best, newest
    first among equals."""

    def rank():
        theme, territory, stage = _ids(profile)
        links = StoryPage.themes.through.objects.filter(storypage_id=OuterRef("pk"))
        stages = StoryPage.stages.through.objects.filter(storypage_id=OuterRef("pk"))
        place = _in_territory("project__commune", territory) if territory else Q()
        score = _score(theme, territory, stage, themes=links, stages=stages, place=place)
        matched = _matches(theme, territory, themes=links, place=place)
        stories = story_cards(StoryPage.objects.all()).annotate(fit=score, matched=matched)
        ordered = stories.order_by("-fit", *NEWEST_FIRST).prefetch_related(None)
        return [(pk, bool(m)) for pk, m in ordered.values_list("pk", "matched")[:STORIES]]

    return cached_for_content(_key("stories", profile), rank)


def ambassadors(profile):
    """Return up to three ambassadors who accept questions, those who fit first."""

    def rank():
        theme, territory, _stage = _ids(profile)
        projects = LaureateProject.objects.filter(ambassadors=OuterRef("pk"))
        zero = Value(0, output_field=IntegerField())
        same_theme = near = zero
        if theme:
            same_theme = _weighted(Exists(projects.filter(themes=theme)), THEME_WEIGHT)
        if territory:
            place = projects.filter(_in_territory("commune", territory))
            near = _weighted(Exists(place), TERRITORY_WEIGHT)
        people = Ambassador.objects.filter(public_profile=True, accepts_questions=True)
        people = people.annotate(same_theme=Coalesce(same_theme, 0), near=Coalesce(near, 0))
        people = people.annotate(fit=F("same_theme") + F("near")).order_by("-fit", "display_name")
        return [
            AmbassadorLink(
                p.display_name,
                p.slug,
                p.structure,
                p.get_absolute_url(),
                same_theme=p.same_theme > 0,
                near=p.near > 0,
            )
            for p in people[:AMBASSADORS]
        ]

    return cached_for_content(_key("ambassadors", profile), rank)


def _split(ranked):
    """Return (ids that share the theme or territory, the other ids), each in rank order."""
    return [pk for pk, m in ranked if m], [pk for pk, m in ranked if not m]


def stories(profile):
    """Return (the story cards that fit the person, the others that fill the list)."""
    fitting, others = _split(story_ids(profile))
    return cards_of(StoryPage, fitting), cards_of(StoryPage, others)


def cards(profile):
    """Return (the card tiles that fit the person, the others that fill the list)."""
    fitting, others = _split(card_ids(profile))
    return tiles(fitting), tiles(others)


@dataclass(frozen=True)
class NextStage:
    stage: object
    dates: list
    current: bool


def next_stages(profile, programme):
    """Return the person's stage and the following ones, each with its dates to come."""
    if programme is None:
        return []
    stages = [s for s in all_stages().values() if s.programme_id == programme.pk]
    if not stages:
        return []
    ids = [stage.pk for stage in stages]
    start = ids.index(profile.stage[0]) if profile.stage and profile.stage[0] in ids else 0
    periods = programme.upcoming_periods
    return [
        NextStage(stage, [d for d in periods if d.stage_id == stage.pk], stage.pk == ids[start])
        for stage in stages[start : start + NEXT_STAGES]
    ]


def comptoir_sessions(programme):
    """Return the upcoming sessions held in a place, soonest first."""
    return [d for d in programme.upcoming if d.place] if programme is not None else []


def nearest_comptoir(profile, programme):
    """Return (the next session held in a place, whether it is in the person's territory).

    A session in their territory (or their commune's) comes first; else the soonest one.
    """
    sessions = comptoir_sessions(programme)
    if profile.territory:
        territory, _name, parent = profile.territory
        near = [d for d in sessions if d.territory_id and d.territory_id in (territory, parent)]
        if near:
            return near[0], True
    return (sessions[0] if sessions else None), False
